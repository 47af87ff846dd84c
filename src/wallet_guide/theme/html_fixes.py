"""Corrections to markup that Material writes outside any template block we could override.

Each rule is a precise pattern (what it rewrites) and a loose one (the defect in any markup).
After a rule has run, the loose pattern must find nothing: when a Material release writes the
markup differently, the build stops naming the rule and what to update, instead of publishing
the defect again while every rule silently matches nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from mkdocs.exceptions import PluginError

HERE = "src/wallet_guide/theme/html_fixes.py"


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]  # what the rule rewrites, in the markup Material writes today
    replacement: str
    left_over: re.Pattern[str]  # the same defect in any markup: must not remain after the rule
    fix: str  # what to do when it remains
    applies: Callable[[str], bool] = lambda html: True


class HtmlFixError(PluginError):
    """A rule's pattern no longer matches the markup it exists to correct."""


def material_rule(
    constant: str,
    markup: str,
    pattern: str,
    replacement: str,
    left_over: str,
    applies: Callable[[str], bool] = lambda html: True,
) -> Rule:
    """The rule named ``constant`` in this module (its name: checkbox-autocomplete), correcting
    Material's ``markup`` (what its message asks to update when the markup changes)."""
    return Rule(
        name=constant.lower().replace("_", "-"),
        pattern=re.compile(pattern),
        replacement=replacement,
        left_over=re.compile(left_over),
        fix=f"update {constant}'s pattern to the {markup} markup of the installed Material",
        applies=applies,
    )


# Material's drawer/search toggles are checkboxes with autocomplete="off" (to stop Firefox
# restoring them on reload). The HTML standard allows autocomplete on text-like inputs only,
# so the Nu HTML Checker rejects it; Material's own JS resets the toggles on load anyway.
CHECKBOX_AUTOCOMPLETE = material_rule(
    "CHECKBOX_AUTOCOMPLETE",
    "checkbox",
    pattern=r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"',
    replacement=r"\1",
    left_over=r'<input\b(?=[^>]*\btype="?checkbox)[^>]*\bautocomplete=',
)

# A code block wider than the screen scrolls sideways, so a keyboard user must be able to focus
# it (WCAG 2.1.1; axe: scrollable-region-focusable). Material's bundle adds tabindex to the
# blocks that overflow, but it now loads on the first interaction (material-loader.js), and
# whether a block overflows depends on the reader's screen: every code block gets it.
FOCUSABLE_CODE_BLOCKS = material_rule(
    "FOCUSABLE_CODE_BLOCKS",
    "code-block",
    pattern=r"(<pre>(?:<span></span>)?<code)>",
    replacement=r'\1 tabindex="0">',
    left_over=r"<pre\b[^>]*>(?:\s|<span\b[^>]*>\s*</span>)*<code\b(?![^>]*\btabindex=)",
)

# The table of contents' title is a <label for="__toc">, and Material renders the __toc toggle
# in the page's own entry of the navigation: a page kept out of the nav (not_in_nav, the
# integrator page) has none, and a label for a missing control is invalid HTML.
ORPHAN_TOC_LABEL = material_rule(
    "ORPHAN_TOC_LABEL",
    "table of contents' title",
    pattern=r'(<label class="md-nav__title") for="__toc"',
    replacement=r"\1",
    left_over=r'<label\b[^>]*\bfor="?__toc\b',
    applies=lambda html: 'id="__toc"' not in html,
)

RULES = (CHECKBOX_AUTOCOMPLETE, FOCUSABLE_CODE_BLOCKS, ORPHAN_TOC_LABEL)


def apply(rule: Rule, html: str, where: str = "a page") -> str:
    """``html`` corrected by ``rule``; HtmlFixError when the defect is still there after it."""
    if not rule.applies(html):
        return html
    fixed = rule.pattern.sub(rule.replacement, html)
    left = rule.left_over.search(fixed)
    if left:
        raise HtmlFixError(
            f"wallet-guide-theme: html_fixes rule '{rule.name}' no longer matches Material's markup "
            f"in {where}: {left.group(0)[:120]!r} is left — {rule.fix} ({HERE})"
        )
    return fixed


def apply_all(html: str, where: str = "a page") -> str:
    for rule in RULES:
        html = apply(rule, html, where)
    return html
