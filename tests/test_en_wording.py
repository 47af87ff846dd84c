"""The English site speaks American English, as data/glossary.yml says: the checklist's controls
"select" and "Clear all" (not the British "tick"), and the «解决方法：» label is one rendering
everywhere. Read from the built pages, where a reader meets them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from wallet_guide.html_text import walk

_CODE = {"pre", "code", "script", "style"}
BRITISH = re.compile(r"\btick(s|ed|ing)?\b", re.I)


def reader_strings(path: Path) -> list[str]:
    """Text outside code, and the attribute values a reader hears or the scripts show (labels,
    the checklist's status messages in data-wg-*)."""
    strings: list[str] = []
    for node in walk(path.read_text(encoding="utf-8")):
        if _CODE & set(node.open) or node.tag in _CODE:
            continue
        if node.kind == "text" and node.text.strip():
            strings.append(node.text.strip())
        elif node.kind == "start":
            for name, value in node.attrs.items():
                if value and (name in ("aria-label", "title", "placeholder") or name.startswith("data-wg-")):
                    strings += _values(value)
    return strings


def _values(attribute: str) -> list[str]:
    """An attribute's text, or the texts of the JSON it holds (data-wg-summary: not its keys)."""
    if not attribute.startswith("{"):
        return [attribute]
    try:
        return _texts(json.loads(attribute))
    except ValueError:
        return [attribute]


def _texts(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    items = data.values() if isinstance(data, dict) else data if isinstance(data, list) else []
    return [text for item in items for text in _texts(item)]


def test_the_checklist_speaks_american(site):
    strings = reader_strings(site / "en" / "checklist" / "index.html")
    assert "Clear all" in strings
    assert "Nothing is selected." in strings
    assert "{count} selected: try the fixes below, in this order." in strings
    assert any(s.startswith("Select everything that matches") for s in strings)


def test_no_english_page_says_tick(site):
    said = {
        page.relative_to(site).as_posix(): [s for s in reader_strings(page) if BRITISH.search(s)]
        for page in sorted((site / "en").rglob("*.html"))
    }
    assert len(said) >= 9
    assert {page: found for page, found in said.items() if found} == {}


def test_the_fix_label_is_one_rendering(site):
    causes = reader_strings(site / "en" / "causes" / "index.html")
    checklist = reader_strings(site / "en" / "checklist" / "index.html")
    assert "How to fix it:" not in causes
    assert causes.count("Fix:") >= 6, "each cause links to its fix under the label the checklist uses"
    assert "Fix:" in checklist
