"""The data/ files read and validated once, for the plugins, `make check` and the tests: one module per file."""
