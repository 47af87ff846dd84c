"""`make check`: one validator over the sources and the built site (see README.md, "Translator
workflow"). Each module holds one family of rules as pure functions returning ``Problem`` records;
``run.py`` puts them together."""

from guide_tools.checks.problem import Problem, Severity

__all__ = ["Problem", "Severity"]
