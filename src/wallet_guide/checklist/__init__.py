"""The causes checklist: tick what you see, get the fixes to try in order; see README.md."""
