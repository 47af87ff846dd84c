"""The checklist's HTML: the data of one language, with its links, through a Jinja fragment."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import jinja2

from wallet_guide.checklist.data import Checklist

TEMPLATE = "fragments/checklist.html"
MARKER = "<!-- wallet-guide:checklist -->"
# The marker on a line of its own, as Python-Markdown passes an HTML comment block through.
MARKER_LINE = re.compile(rf"^[ \t]*{re.escape(MARKER)}[ \t]*$", re.MULTILINE)
# Element ids a checklist outside the anchors page gives its items: wg-check-network, …
ANCHOR_PREFIX = "wg-check-"


@dataclass(frozen=True)
class Links:
    """Where the checklist of one page links to, relative to that page (no #fragment)."""

    causes: str
    solutions: str
    support: str


@dataclass(frozen=True)
class Item:
    id: str
    anchor: str  # the element id of the item on this page
    symptom: str
    cause: str
    fix: str
    summary: str
    cause_url: str
    fix_url: str


def checklist_items(checklist: Checklist, lang: str, links: Links, anchor_prefix: str) -> list[Item]:
    """The causes in the order their fixes are tried, in one language."""
    return [
        Item(
            id=cause.id,
            anchor=anchor_prefix + cause.id,
            symptom=cause.texts[lang].symptom,
            cause=cause.texts[lang].cause,
            fix=cause.texts[lang].fix,
            summary=cause.texts[lang].summary,
            cause_url=f"{links.causes}#{cause.id}",
            fix_url=f"{links.solutions}#{cause.id}",
        )
        for cause in checklist.causes
    ]


def split_at(text: str, name: str) -> tuple[str, str]:
    """The text before and after its ``{name}`` placeholder: where the template puts a link."""
    before, _, after = text.partition("{" + name + "}")
    return before, after


def template_env(dirs: Sequence[str]) -> jinja2.Environment:
    """Jinja over the theme's folders (a site's overrides first), escaping everything it prints."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(dirs)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )
    env.filters["wg_split"] = split_at
    return env


def render_checklist(
    env: jinja2.Environment,
    checklist: Checklist,
    lang: str,
    links: Links,
    anchor_prefix: str = "",
) -> str:
    return env.get_template(TEMPLATE).render(
        items=checklist_items(checklist, lang, links, anchor_prefix),
        labels=checklist.labels[lang],
        support_url=links.support,
        lang=lang,
    )


ID_ATTRIBUTE = re.compile(r'\sid="([^"]+)"')


def count_markers(html: str) -> tuple[int, int]:
    """How many markers the page holds: on a line of their own, and in all."""
    return len(MARKER_LINE.findall(html)), html.count(MARKER)


def marker_mistake(html: str) -> str | None:
    """What is wrong with the page's markers, if anything (the page has at least one)."""
    alone, total = count_markers(html)
    if alone != total:
        return f"put {MARKER} on a line of its own, with blank lines around it"
    if total > 1:
        return f"{MARKER} appears {total} times; a page holds one checklist"
    return None


def repeated_ids(html: str, fragment: str) -> list[str]:
    """Element ids that the page and its checklist would both have."""
    return sorted(set(ID_ATTRIBUTE.findall(html)) & set(ID_ATTRIBUTE.findall(fragment)))


def insert_checklist(html: str, fragment: str) -> str:
    return MARKER_LINE.sub(lambda _: fragment, html, count=1)
