"""Bundled demo corpus: fictional Arabic news in several input formats (see README.md)."""
