"""Durable per-run JSONL output: complete lines only, fsynced per batch, repaired after a kill."""
