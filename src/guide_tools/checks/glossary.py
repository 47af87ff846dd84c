"""The glossary (data/glossary.yml) agrees with the pages: when a zh section uses a glossary term,
the matching section of each translation uses the term of its language's column (`en:`; a new
language adds its own column), case-insensitively, so "digital wallet" also matches "digital
wallets". A section runs from one `##` heading to the next; the text before the first `##` is
the page intro. The checklist's texts are compared entry by entry."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from guide_tools.checks import checklist_rules
from guide_tools.checks.markdown import MASK, Page
from guide_tools.checks.problem import Problem
from guide_tools.checks.project import GLOSSARY_FILE, Project

INTRO = ""


@dataclass(frozen=True)
class Term:
    source: str  # the term in the source language (the `zh:` column)
    translations: dict[str, str]  # language -> its term: {"en": "digital wallet"}
    note: str
    line: int

    def fix(self, wanted: str) -> str:
        """How to fix a text that lacks this term (``wanted``: its translation)."""
        return f"use '{wanted}' here; {GLOSSARY_FILE}:{self.line}" + (
            f" says: {self.note}" if self.note else ""
        )


@dataclass
class Section:
    key: str  # the heading id; "" for the intro; "description" for the front matter's
    line: int  # the heading's line (the first body line for the intro)
    lines: list[tuple[int, str]]

    def blocks(self) -> list[list[tuple[int, str]]]:
        """Its paragraphs, list items and headings: runs of lines without a blank one."""
        found: list[list[tuple[int, str]]] = [[]]
        previous = None
        for line, text in self.lines:
            if not text.strip() or (previous is not None and line != previous + 1):
                found.append([])
            if text.strip():
                found[-1].append((line, text))
            previous = line
        return [block for block in found if block]


def _text(lines: list[tuple[int, str]]) -> str:
    return "\n".join(text for _, text in lines).replace(MASK, " ")


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
            message = f"a glossary entry needs a {source} term and a translated term"
            fix = f"write the entry as `- {source}: 术语` / `  en: term` / `  note: how to use it`"
            problems.append(Problem(GLOSSARY_FILE, line, message, fix))
            continue
        translations = {lang: entry[lang] for lang in languages if isinstance(entry.get(lang), str)}
        found.append(Term(entry[source], translations, str(entry.get("note", "")), line))
    for lang in languages:
        if found and not any(lang in term.translations for term in found):
            message = f"no glossary term has a '{lang}' column, so the '{lang}' pages are not compared"
            fix = f"add `{lang}: …` to the entries (CONTRIBUTING.md, 'Add a language')"
            problems.append(Problem(GLOSSARY_FILE, 1, message, fix, "warning"))
    return found, problems


DESCRIPTION = "\0description"  # the front matter's description: no heading id can be this
DESCRIPTION_KEY = "description"


def sections(page: Page) -> list[Section]:
    """The front matter's description, the intro, then one section per `##` heading."""
    readable = page.meta_error is None and isinstance((page.meta or {}).get(DESCRIPTION_KEY), str)
    described = page.meta_lines.get(DESCRIPTION_KEY) if readable else None
    result = [Section(DESCRIPTION, described or 1, [(n, t) for n, t in page.prose if n == described])]
    result.append(Section(INTRO, page.body_line, []))
    for line, text in page.prose:
        if line < page.body_line:
            continue  # the front matter: its description is compared on its own
        heading = next((h for h in page.headings if h.line == line and h.level == 2), None)
        if heading is not None:
            result.append(Section(heading.id or f"line {line}", line, []))
        result[-1].lines.append((line, text))
    return result


def _describe(key: str) -> str:
    return {INTRO: "the page intro", DESCRIPTION: "the front matter's description"}.get(
        key, f"section #{key}"
    )


def places(
    source: Section, translation: Section
) -> list[tuple[list[tuple[int, str]], list[tuple[int, str]]]]:
    """Where a term used in the source must be in the translation: the same paragraph or list
    item when both sections have as many (a term elsewhere in the section does not translate
    it), else the whole section."""
    ours, theirs = source.blocks(), translation.blocks()
    if len(ours) == len(theirs):
        return list(zip(ours, theirs, strict=True))
    return [(source.lines, translation.lines)]


def uses(term: Term, text: str, glossary: list[Term]) -> bool:
    """True when ``text`` has ``term`` outside the longer glossary terms that contain it: 身份验证
    inside 双重身份验证 is that term's (two-factor authentication), not identity verification."""
    if term.source not in text:
        return False
    for longer in glossary:
        if len(longer.source) > len(term.source) and term.source in longer.source:
            text = text.replace(longer.source, MASK)
    return term.source in text


def gaps(source: Page, translation: Page, glossary: list[Term]) -> list[tuple[str, str, Problem]]:
    """(section key, term, problem) of each glossary term the translation lacks where its
    source uses the term."""
    found = []
    theirs = {s.key: s for s in sections(translation)}
    for section in sections(source):
        other = theirs.get(section.key)
        if other is None or not other.lines:
            continue  # the heading comparison (or the front matter's) reports the missing section
        for ours, their_lines in places(section, other):
            text, other_text = _text(ours), _text(their_lines).lower()
            for term in glossary:
                wanted = term.translations.get(translation.lang)
                if wanted and uses(term, text, glossary) and wanted.lower() not in other_text:
                    used = next(line for line, words in ours if term.source in words)
                    line = their_lines[0][0] if their_lines else other.line
                    message = f"{_describe(section.key)} lacks the glossary term '{wanted}' ({term.source}, used in {source.path}:{used})"
                    problem = Problem(translation.path, line, message, term.fix(wanted))
                    found.append((section.key, wanted.lower(), problem))
    return found


def _translations(project: Project) -> list[tuple[Page, Page]]:
    source = project.default_language
    return [
        (project.pages[(source, name)], page)
        for (lang, name), page in sorted(project.pages.items())
        if lang != source and (source, name) in project.pages
    ]


def missing_terms(project: Project) -> set[tuple[str, str, str]]:
    """(page, section id, term) of every glossary term a translation lacks: the reader
    vocabulary does not report these words a second time."""
    glossary, _ = terms(project)
    return {
        (translation.path, key, term)
        for source, translation in _translations(project)
        for key, term, _ in gaps(source, translation, glossary)
    }


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
        return project.data.checklist, checklist.line(*path, language, *field.split("."))

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
                        message = f"{what}, {language.code} {field}: lacks the glossary term '{wanted}' ({term.source})"
                        problems.append(
                            Problem(*where(path, language.code, field), message, term.fix(wanted))
                        )
    return problems


def check(project: Project) -> list[Problem]:
    glossary, problems = terms(project)
    for source, translation in _translations(project):
        problems += [problem for _, _, problem in gaps(source, translation, glossary)]
    return problems + compare_checklist(project, glossary)
