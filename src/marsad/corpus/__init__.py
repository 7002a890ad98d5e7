"""Corpus stages: near-duplicates, story clusters across outlets, event merging."""
