"""Spiders: navigation only (what to follow, what is an article page)."""
