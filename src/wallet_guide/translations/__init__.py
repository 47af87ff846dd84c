"""Stale translations: which version of its source a translated page translates, and a notice to
readers when the source has changed since (docs-dev/decisions/0009-stale-translations-source-hash.md)."""
