"""The content API: every page of a language with its sections, as JSON a portal can index."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urljoin

import jsonschema

from wallet_guide import html_text
from wallet_guide.checklist.render import CHARGED, UNSURE  # the ticks that are not causes

API_VERSION = 1
API_DIR = f"api/v{API_VERSION}"
SCHEMA_DIR = Path("data/schemas")  # relative to mkdocs.yml
URL_ATTRIBUTES = ("href", "src")


@dataclass(frozen=True)
class Section:
    id: str
    level: int
    title: str
    text: str
    html: str


def absolute_links(html: str, page_url: str) -> str:
    """Links and images resolved against the page's public address, so they work anywhere;
    the headings' ¶ permalinks left out."""

    def resolved(node: html_text.Node) -> dict[str, str] | None:
        if not any(name in node.attrs for name in URL_ATTRIBUTES):
            return None
        return {
            name: urljoin(page_url, value) if name in URL_ATTRIBUTES else value
            for name, value in node.attrs.items()
        }

    return html_text.rewrite(
        html, resolved, drop=lambda node: bool(html_text.NOT_TEXT_CLASSES & node.classes)
    )


def split_sections(html: str, page_url: str) -> list[Section]:
    """One section per heading with an id at the top level of the page (wallet_guide.html_text's
    rule, the site search's too): its title, its text as the search holds it (without code
    blocks and what the site does not index), and its HTML."""
    return [
        Section(
            id=section.id,
            level=section.level,
            title=section.title,
            text=section.text,
            html=absolute_links(html[section.body_start : section.body_end], page_url).strip(),
        )
        for section in html_text.split_sections(html)
    ]


def embed_url(url: str, section: str | None = None) -> str:
    """The address of the embed view of a page (or of one of its sections)."""
    page, _, _ = url.partition("#")
    return f"{page}?embed=1" + (f"&section={section}" if section else "")


def page_record(title: str, description: str, url: str, html: str) -> dict:
    return {
        "title": title,
        "description": description,
        "url": url,
        "embed_url": embed_url(url),
        "sections": [
            {
                "id": s.id,
                "level": s.level,
                "title": s.title,
                "url": f"{url}#{s.id}",
                "embed_url": embed_url(url, s.id),
                "text": s.text,
                "html": s.html,
            }
            for s in split_sections(html, url)
        ],
    }


def pages_document(lang: str, site_name: str, schema_url: str, pages: list[dict]) -> dict:
    return {
        "$schema": schema_url,
        "version": API_VERSION,
        "lang": lang,
        "site_name": site_name,
        "pages": pages,
    }


def questions_record(checklist, lang: str) -> list[dict]:
    """The guided flow that «not sure» opens, in ``lang``: the first question first; each
    answer's ``to`` is the next question's id, a cause's id (its fix) or ``charged``."""
    return [
        {
            "id": question.id,
            "text": question.texts[lang],
            "answers": [
                {"id": a.id, "text": a.texts[lang], "to": a.to, **({"taken": a.taken} if a.taken else {})}
                for a in question.answers
            ],
        }
        for question in checklist.questions
    ]


def charged_record(checklist, lang: str, urls: dict[str, str]) -> dict | None:
    """«Charged, but it says failed»: the guide's own advice (data/our-advice.yml, not the
    article's), in ``lang``, with where it leads; None when the site has none."""
    charged = checklist.charged
    if charged is None or lang not in charged.texts:
        return None
    page = urls["checklist"]
    return {
        "id": CHARGED,
        "ours": True,
        **{key: charged.texts[lang][key] for key in ("mark", "tile", "title", "check", "taken", "not_taken")},
        "url": f"{page}#{CHARGED}",
        "tick_url": f"{page}?tick={CHARGED}",
        "section_url": f"{urls['solutions']}#{CHARGED}",
        "contact_step": charged.contact_step,
        "contact_url": f"{urls['solutions']}#{charged.contact_step}",
        "check_before": list(charged.check_before),
    }


def checklist_document(checklist, lang: str, schema_url: str, urls: dict[str, str]) -> dict:
    """The causes checklist in one language (the checklist plugin's data): what the reader
    ticks, the cause and the fix it leads to; the guided flow of «not sure» and the charged
    path, so that a portal can render the same paths. ``urls``: absolute addresses of the
    ``checklist``, ``causes``, ``solutions`` and ``support`` pages in ``lang``."""
    page = urls["checklist"]
    causes = []
    for cause in checklist.causes:
        texts = cause.texts[lang]
        causes.append(
            {
                "id": cause.id,
                "url": f"{page}#{cause.id}",
                "tick_url": f"{page}?tick={cause.id}",
                "symptom": texts.symptom,
                "cause": texts.cause,
                "cause_url": f"{urls['causes']}#{cause.id}",
                "fix": texts.fix,
                "fix_url": f"{urls['solutions']}#{cause.id}",
                "summary": texts.summary,
            }
        )
    return {
        "$schema": schema_url,
        "version": API_VERSION,
        "lang": lang,
        "url": page,
        "embed_url": embed_url(page),
        "support_url": urls["support"],
        "labels": asdict(checklist.labels[lang]),
        "causes": causes,
        "guide_url": f"{page}?tick={UNSURE}",
        "guide_labels": dict(checklist.guide_labels.get(lang, {})),
        "questions": questions_record(checklist, lang),
        **({"charged": charged} if (charged := charged_record(checklist, lang, urls)) else {}),
    }


def schema_url(base: str, name: str) -> str:
    """Where the schema of ``<name>.json`` is served (beside the files, not per language)."""
    return f"{base}{API_DIR}/{name}.schema.json"


def checklist_urls(contract, options, lang: str, base: str) -> dict[str, str]:
    """The absolute addresses of the pages the checklist links, in ``lang``: from the checklist
    plugin's options and the URL contract (its own page is the one whose source is
    ``anchors_page``)."""
    by_path = {page.path: page for page in contract.pages}
    own = next(page for page in contract.pages if page.source == options.anchors_page)

    def url(page) -> str:
        return base + contract.url(lang, page).lstrip("/")

    return {
        "checklist": url(own),
        "causes": url(by_path[options.links_causes]),
        "solutions": url(by_path[options.links_solutions]),
        "support": url(by_path[options.links_support]),
    }


def schema_errors(document: dict, schema: dict) -> list[str]:
    """Every way ``document`` breaks ``schema``, as 'path: message' lines."""
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    ]


def dump(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
