"""The checklist's HTML, and the fragments made from the same data: the home page's way in
(triage), the «solved?» question closing each step on the solutions page, and the summary for
customer support. One language's data, with its links, through Jinja fragments."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import jinja2

from wallet_guide import html_text
from wallet_guide.data.checklist import Checklist

TEMPLATE = "fragments/checklist.html"
TRIAGE_TEMPLATE = "fragments/triage.html"
SOLVED_TEMPLATE = "fragments/solved.html"
SUMMARY_TEMPLATE = "fragments/summary.html"
CHARGED_TEMPLATE = "fragments/charged.html"
MARKER = "<!-- wallet-guide:checklist -->"
TRIAGE_MARKER = "<!-- wallet-guide:triage -->"
SUMMARY_MARKER = "<!-- wallet-guide:summary -->"
MARKERS = {MARKER: "checklist", TRIAGE_MARKER: "way in", SUMMARY_MARKER: "summary"}  # -> what it becomes
# The tick that stands for "not sure / none of these": every fix, in order. Not a cause id
# (those are section ids, checked against the URL contract), so it cannot collide with one.
UNSURE = "unsure"
# Where the summary for customer support sits on its page (the last «no» leads there).
SUMMARY_ANCHOR = "wg-summary"
# The tick, the section id (solutions page) and the guided flow's target for "the money was
# taken, but it says failed": the guide's own advice (data/our-advice.yml). Not a cause id.
CHARGED = "charged"
# The checklist's result, where a tile of the home page lands (its fix in view).
RESULT_ANCHOR = "wg-check-fixes"


def marker_line(marker: str) -> re.Pattern[str]:
    """The marker on a line of its own, as Python-Markdown passes an HTML comment block through."""
    return re.compile(rf"^[ \t]*{re.escape(marker)}[ \t]*$", re.MULTILINE)


MARKER_LINE = marker_line(MARKER)
# Element ids a checklist outside the anchors page gives its items: wg-check-network, …
ANCHOR_PREFIX = "wg-check-"


@dataclass(frozen=True)
class Links:
    """Where the checklist of one page links to, relative to that page (no #fragment)."""

    causes: str
    solutions: str
    support: str
    checklist: str = ""


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


def after_label(label: str, value: str) -> str:
    """ "标签：值" in Chinese, "Label: value" in English: a space after a Latin character only
    (checklist.js writes the summary with the same rule)."""
    return f"{label} {value}" if re.search(r"[\x21-\x7e]$", label) else label + value


def template_env(dirs: Sequence[str]) -> jinja2.Environment:
    """Jinja over the theme's folders (a site's overrides first), escaping everything it prints."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(dirs)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )
    env.filters["wg_split"] = split_at
    env.filters["wg_after"] = after_label
    return env


@dataclass(frozen=True)
class Paths:
    """The reader's paths around the causes, in one language, for the templates: the charged
    path (the guide's own advice), the guided flow, the support channels, their texts."""

    charged: dict[str, str] | None  # the advice's texts (data/our-advice.yml), or None
    contact: Item | None  # the step the charged path leads to
    check_before: list[str]  # causes whose fix spends money again: the check comes first
    questions: list[dict]  # id, text, answers (id, text)
    flow: dict  # for checklist.js: first question, answer -> target, answer -> its question
    guide: dict[str, str]  # interface texts (guide: of data/interface/<language>.yml)
    channels: list[dict]  # kind, href, address, name


def reader_paths(checklist: Checklist, lang: str, links: Links, anchor_prefix: str = "") -> Paths:
    items = {item.id: item for item in checklist_items(checklist, lang, links, anchor_prefix)}
    charged = checklist.charged
    return Paths(
        charged=dict(charged.texts[lang]) if charged and lang in charged.texts else None,
        contact=items.get(charged.contact_step) if charged else None,
        check_before=list(charged.check_before) if charged else [],
        questions=[
            {
                "id": question.id,
                "text": question.texts[lang],
                "answers": [{"id": answer.id, "text": answer.texts[lang]} for answer in question.answers],
            }
            for question in checklist.questions
        ],
        flow={
            "first": checklist.questions[0].id if checklist.questions else None,
            "to": {a.id: a.to for q in checklist.questions for a in q.answers},
            "of": {a.id: q.id for q in checklist.questions for a in q.answers},
            "taken": {a.id: a.taken for q in checklist.questions for a in q.answers if a.taken},
        },
        guide=dict(checklist.guide_labels.get(lang, {})),
        channels=[
            {"kind": c.kind, "href": c.href, "address": c.address, "name": c.names[lang]}
            for c in checklist.channels
        ],
    )


def summary_data(checklist: Checklist, lang: str, items: Sequence[Item], paths: Paths) -> dict:
    """What checklist.js writes the summary for customer support with (data-wg-summary): its
    texts and the causes' ids, symptoms and fixes in the order of the steps. The reader's state
    (ticks, fixes marked as tried, details) comes from their device."""
    labels = checklist.labels[lang]
    guide = paths.guide
    return {
        "lang": lang,
        "unsure": UNSURE,
        "labels": {
            "subject": labels.summary_subject,
            "ticked": labels.summary_ticked,
            "tried": labels.summary_tried,
            "nothing": labels.summary_nothing,
            "language": labels.summary_language,
            "time": labels.summary_time,
            "copied": labels.summary_copied,
            "unsure": labels.unsure,
            "hint_embed": labels.summary_hint_embed,
            "sent": labels.summary_sent,
            **{
                key: guide.get(key, "")
                for key in ("amount", "merchant", "when", "taken", "taken_yes", "taken_no", "taken_unknown")
            },
        },
        "charged": {"id": CHARGED, "tile": paths.charged["tile"] if paths.charged else ""},
        "causes": [item.id for item in items],
        "symptoms": [item.symptom for item in items],
        "fixes": [item.fix for item in items],
    }


def render_checklist(
    env: jinja2.Environment,
    checklist: Checklist,
    lang: str,
    links: Links,
    anchor_prefix: str = "",
) -> str:
    items = checklist_items(checklist, lang, links, anchor_prefix)
    paths = reader_paths(checklist, lang, links, anchor_prefix)
    return env.get_template(TEMPLATE).render(
        items=items,
        labels=checklist.labels[lang],
        support_url=f"{links.support}#{SUMMARY_ANCHOR}",
        unsure=UNSURE,
        charged_id=CHARGED,
        charged_anchor=anchor_prefix + CHARGED,
        paths=paths,
        summary_data=summary_data(checklist, lang, items, paths),
        lang=lang,
    )


def render_charged_section(env: jinja2.Environment, checklist: Checklist, lang: str, links: Links) -> str:
    """The charged path's section at the top of the solutions page (#charged): before any step
    that spends money again, check whether the money was taken. Empty without the advice."""
    paths = reader_paths(checklist, lang, links)
    if paths.charged is None or paths.contact is None:
        return ""
    return env.get_template(CHARGED_TEMPLATE).render(
        paths=paths,
        labels=checklist.labels[lang],
        charged_id=CHARGED,
        contact_url=f"#{paths.contact.id}",
        support_url=f"{links.support}#{SUMMARY_ANCHOR}",
        summary_data=summary_data(checklist, lang, checklist_items(checklist, lang, links, ""), paths),
    )


def insert_before_steps(html: str, fragment: str, step_ids: Sequence[str]) -> str:
    """``fragment`` before the first level-2 heading whose id is a step (a cause id)."""
    for node in html_text.walk(html):
        if node.kind == "start" and node.tag == "h2" and node.attrs.get("id") in step_ids:
            return html[: node.start] + fragment + "\n" + html[node.start :]
    return html


def render_solved(
    env: jinja2.Environment, checklist: Checklist, lang: str, links: Links, endpoint: str | None = None
) -> dict[str, str]:
    """The «solved?» fragment of each step of the solutions page, by the step's section id."""
    template = env.get_template(SOLVED_TEMPLATE)
    return {
        step.item.id: template.render(step=step, labels=checklist.labels[lang], endpoint=endpoint, lang=lang)
        for step in solution_steps(checklist, lang, links)
    }


def count_markers(html: str, marker: str = MARKER) -> tuple[int, int]:
    """How many markers the page holds: on a line of their own, and in all."""
    return len(marker_line(marker).findall(html)), html.count(marker)


def marker_mistake(html: str, marker: str = MARKER) -> str | None:
    """What is wrong with the page's markers, if anything (the page has at least one)."""
    alone, total = count_markers(html, marker)
    if alone != total:
        return f"put {marker} on a line of its own, with blank lines around it"
    if total > 1:
        return f"{marker} appears {total} times; a page holds one {MARKERS.get(marker, 'of it')}"
    return None


def repeated_ids(html: str, fragment: str) -> list[str]:
    """Element ids that the page and its checklist would both have."""
    return sorted(_ids(html) & _ids(fragment))


def _ids(html: str) -> set[str]:
    return {
        node.attrs["id"] for node in html_text.walk(html) if node.kind == "start" and node.attrs.get("id")
    }


def insert_checklist(html: str, fragment: str, marker: str = MARKER) -> str:
    return marker_line(marker).sub(lambda _: fragment, html, count=1)


def render_triage(env: jinja2.Environment, checklist: Checklist, lang: str, links: Links) -> str:
    """The home page's way in: one target per symptom, opening the checklist with it ticked."""
    return env.get_template(TRIAGE_TEMPLATE).render(
        items=checklist_items(checklist, lang, links, ""),
        labels=checklist.labels[lang],
        checklist_url=links.checklist,
        unsure=UNSURE,
        charged_id=CHARGED,
        result_anchor=RESULT_ANCHOR,
        paths=reader_paths(checklist, lang, links),
        lang=lang,
    )


def render_summary(env: jinja2.Environment, checklist: Checklist, lang: str, links: Links) -> str:
    """The summary for customer support; checklist.js fills it in from the reader's own state."""
    items = checklist_items(checklist, lang, links, "")
    paths = reader_paths(checklist, lang, links)
    return env.get_template(SUMMARY_TEMPLATE).render(
        items=items,
        labels=checklist.labels[lang],
        anchor=SUMMARY_ANCHOR,
        unsure=UNSURE,
        charged_id=CHARGED,
        paths=paths,
        summary_data=summary_data(checklist, lang, items, paths),
        lang=lang,
    )


@dataclass(frozen=True)
class Step:
    """A step of the solutions page, and where «no, not solved» leads from it."""

    item: Item
    next_url: str  # the next step's #id, or the summary on the support page after the last
    next_title: str
    last: bool


def solution_steps(checklist: Checklist, lang: str, links: Links) -> list[Step]:
    items = checklist_items(checklist, lang, links, "")
    steps = []
    for index, item in enumerate(items):
        last = index == len(items) - 1
        if last:
            next_url, next_title = f"{links.support}#{SUMMARY_ANCHOR}", checklist.labels[lang].support
        else:
            following = items[index + 1]
            next_url, next_title = f"#{following.id}", f"{index + 2}. {following.fix}"
        steps.append(Step(item=item, next_url=next_url, next_title=next_title, last=last))
    return steps


def insert_solved(html: str, fragments: dict[str, str]) -> tuple[str, list[str]]:
    """Each fragment at the end of its section: before the next <h2>, or at the end of the page.
    Returns the page and the ids of the fragments that found no section."""
    # A level-2 heading with an id: where a step of the solutions page begins.
    starts = [
        (node.start, node.attrs["id"])
        for node in html_text.walk(html)
        if node.kind == "start" and node.tag == "h2" and node.attrs.get("id")
    ]
    ends = {
        section_id: (starts[i + 1][0] if i + 1 < len(starts) else len(html))
        for i, (_, section_id) in enumerate(starts)
    }
    missing = [section_id for section_id in fragments if section_id not in ends]
    for section_id, end in sorted(
        ((s, e) for s, e in ends.items() if s in fragments), key=lambda pair: pair[1], reverse=True
    ):
        html = html[:end] + fragments[section_id] + "\n" + html[end:]
    return html, missing
