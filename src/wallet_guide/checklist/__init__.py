"""The causes checklist: tick what you see, get the fixes to try in order; see docs-dev/decisions/0010-causes-checklist.md."""
