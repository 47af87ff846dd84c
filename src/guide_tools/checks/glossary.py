"""The glossary (data/glossary.yml) agrees with the pages: when a zh section uses a glossary term,
the matching section of each translation uses the term of its language's column (`en:`; a new
language adds its own column), case-insensitively, so "digital wallet" also matches "digital
wallets". A section runs from one `##` heading to the next; the text before the first `##` is
the page intro. The front matter's description (what search results and link previews show) is
compared as a section of its own. The checklist's texts are compared entry by entry."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from guide_tools.checks import checklist_rules
from guide_tools.checks.markdown import MASK, Page
from guide_tools.checks.problem import Problem
from guide_tools.checks.project import CHECKLIST_FILE, GLOSSARY_FILE, Project

INTRO = ""
DESCRIPTION = "\0description"  # the front matter's description: no heading id can be this


@dataclass(frozen=True)
class Term:
    source: str  # the term in the source language (the `zh:` column)
    translations: dict[str, str]  # language -> its term: {"en": "digital wallet"}
    note: str
    line: int


@dataclass
class Section:
    key: str  # the heading id; "" for the intro
    line: int  # the heading's line (the first body line for the intro)
    lines: list[tuple[int, str]]

    def text(self) -> str:
        return "\n".join(text for _, text in self.lines).replace(MASK, " ")

    def first_line_with(self, term: str) -> int:
        return next((line for line, text in self.lines if term in text), self.line)


def terms(project: Project) -> tuple[list[Term], list[Problem]]:
    glossary = project.glossary
    if glossary is None:  # read_yaml has reported the missing file
        return [], []
    source = project.default_language
    languages = [language.code for language in project.languages if language.code != source]
    found: list[Term] = []
    problems: list[Problem] = []
    for index, entry in enumerate(glossary.data or []):
        line = glossary.line(index)
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get(source), str)
            and any(isinstance(entry.get(lang), str) for lang in languages)
        ):
            problems.append(
                Problem(
                    GLOSSARY_FILE,
                    line,
                    f"a glossary entry needs a {source} term and a translated term",
                    f"write the entry as `- {source}: 术语` / `  en: term` / `  note: how to use it`",
                )
            )
            continue
        translations = {lang: entry[lang] for lang in languages if isinstance(entry.get(lang), str)}
        found.append(Term(entry[source], translations, str(entry.get("note", "")), line))
    for lang in languages:
        if found and not any(lang in term.translations for term in found):
            problems.append(
                Problem(
                    GLOSSARY_FILE,
                    1,
                    f"no glossary term has a '{lang}' column, so the '{lang}' pages are not compared",
                    f"add `{lang}: …` to the entries (CONTRIBUTING.md, 'Add a language')",
                    "warning",
                )
            )
    return found, problems


def sections(page: Page) -> list[Section]:
    result = [Section(INTRO, page.body_line, [])]
    for line, text in page.prose:
        if line < page.body_line:
            continue  # the front matter: its description summarises the page, not a section
        heading = next((h for h in page.headings if h.line == line and h.level == 2), None)
        if heading is not None:
            result.append(Section(heading.id or f"line {line}", line, []))
        result[-1].lines.append((line, text))
    return result


def description(page: Page) -> Section | None:
    """The front matter's description, compared like a section (a reader meets it first, in
    search results and link previews)."""
    text = (page.meta or {}).get("description")
    if not isinstance(text, str):
        return None  # front_matter.py reports a missing or broken description
    line = page.meta_lines.get("description", 1)
    return Section(DESCRIPTION, line, [(line, text)])


def _describe(key: str) -> str:
    if key == DESCRIPTION:
        return "the front matter's description"
    return "the page intro" if key == INTRO else f"section #{key}"


def uses(term: Term, text: str, glossary: list[Term]) -> bool:
    """True when ``text`` has ``term`` outside the longer glossary terms that contain it: 身份验证
    inside 双重身份验证 is that term's (two-factor authentication), not identity verification."""
    if term.source not in text:
        return False
    for longer in glossary:
        if len(longer.source) > len(term.source) and term.source in longer.source:
            text = text.replace(longer.source, MASK)
    return term.source in text


def compare_pages(source: Page, translation: Page, glossary: list[Term]) -> list[Problem]:
    problems = []
    theirs = {s.key: s for s in [*sections(translation), description(translation)] if s}
    for section in [*sections(source), description(source)]:
        if section is None:
            continue
        other = theirs.get(section.key)
        if other is None:
            continue  # the heading comparison reports the missing section
        text, other_text = section.text(), other.text().lower()
        for term in glossary:
            wanted = term.translations.get(translation.lang)
            if wanted and uses(term, text, glossary) and wanted.lower() not in other_text:
                problems.append(
                    Problem(
                        translation.path,
                        other.line,
                        f"{_describe(section.key)} lacks the glossary term '{wanted}' "
                        f"({term.source}, used in {source.path}:{section.first_line_with(term.source)})",
                        f"use '{wanted}' in {'it' if section.key == DESCRIPTION else 'this section'}; "
                        f"{GLOSSARY_FILE}:{term.line}" + (f" says: {term.note}" if term.note else ""),
                    )
                )
    return problems


def _texts(value: Any, prefix: str = "") -> dict[str, str]:
    """Flatten a checklist entry's per-language texts: {"symptom": "…", …}."""
    if isinstance(value, str):
        return {prefix: value}
    if isinstance(value, dict):
        result: dict[str, str] = {}
        for key, item in value.items():
            result.update(_texts(item, f"{prefix}.{key}" if prefix else str(key)))
        return result
    return {}


def compare_checklist(project: Project, glossary: list[Term]) -> list[Problem]:
    if project.checklist is None or not isinstance(project.checklist.data, dict):
        return []
    source = project.default_language
    checklist = project.checklist
    problems = []
    groups: list[tuple[tuple[str | int, ...], str, dict[str, Any]]] = [
        (("causes", index), f"checklist cause '{entry['id']}'", entry)
        for index, entry in checklist_rules.causes(project)
    ]
    # The checklist's interface texts: `checklist:` of each language's data/interface/<code>.yml.
    labels = {
        code: file.data.get("checklist")
        for code, file in project.interface.items()
        if isinstance(file.data, dict) and isinstance(file.data.get("checklist"), dict)
    }
    if labels:
        groups.append((("checklist",), "checklist labels", labels))

    def where(path: tuple, language: str, field: str) -> tuple[str, int]:
        if path == ("checklist",):
            file = project.interface[language]
            return file.path, file.line("checklist", *field.split("."))
        return CHECKLIST_FILE, checklist.line(*path, language, *field.split("."))

    for path, what, entry in groups:
        texts = _texts(entry.get(source))
        for language in project.languages:
            if language.code == source or language.code not in entry:
                continue
            translated = _texts(entry[language.code])
            for field, text in texts.items():
                other = translated.get(field)
                if other is None:
                    continue
                for term in glossary:
                    wanted = term.translations.get(language.code)
                    if wanted and uses(term, text, glossary) and wanted.lower() not in other.lower():
                        problems.append(
                            Problem(
                                *where(path, language.code, field),
                                f"{what}, {language.code} {field}: lacks the glossary term '{wanted}' ({term.source})",
                                f"use '{wanted}' here; {GLOSSARY_FILE}:{term.line}"
                                + (f" says: {term.note}" if term.note else ""),
                            )
                        )
    return problems


def check(project: Project) -> list[Problem]:
    glossary, problems = terms(project)
    source = project.default_language
    for (lang, name), page in sorted(project.pages.items()):
        if lang != source and (source, name) in project.pages:
            problems += compare_pages(project.pages[(source, name)], page, glossary)
    return problems + compare_checklist(project, glossary)
