"""Scoring against the evaluation data's ground truth (definitions: ../shared/data/README.md)."""
