"""The reader vocabulary (data/reader-vocabulary.yml, when the project has one) agrees with the
pages: each entry names a page and a section id of it, per language the article's `words` still
occur in that section, and each alias is unique in its language and is not a phrase the
article uses in another section (the alias would send that section's readers here).

Phrases are compared as the search sees them (wallet_guide.search.tokenize: Chinese character
pairs, English stems; Traditional characters as Simplified), so "limits" contains "limit"."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import yaml

from guide_tools.checks import glossary
from guide_tools.checks.checklist_rules import promised_ids
from guide_tools.checks.markdown import MASK, Page
from guide_tools.checks.problem import Problem
from guide_tools.checks.project import Project, YamlFile, read_yaml
from wallet_guide.audience import in_reader_search
from wallet_guide.search.tokenize import terms
from wallet_guide.search.vocabulary import normalized

SOLUTIONS_PAGE = "solutions.md"
CHARGED = "charged"
NOT_SEARCHED = ("tile", "mark")  # on the home page and the checklist, or marked wg-no-index
FORMAT = (
    "`page.md:` / `  section-id:` / `    zh:` / `      words: [文章里的词]` / `      aliases: [读者的说法]`"
)


@dataclass(frozen=True)
class Section:
    id: str
    terms: tuple[str, ...]  # heading and text, as the search tokenizes them


def sections(page: Page) -> list[Section]:
    """Each heading with an id, up to the next one: what the search indexes as a section."""
    starts = [(h.line, h.id) for h in page.headings if h.id and h.level <= 3]
    found = []
    for number, (line, section_id) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else float("inf")
        text = " ".join(t for n, t in page.prose if line <= n < end).replace(MASK, " ")
        found.append(Section(section_id, tuple(terms(normalized(text)))))
    return found


def inserted_sections(project: Project, lang: str, page_name: str) -> list[Section]:
    """Sections the build adds to a page from a data file: the guide's own «charged, but it says
    failed» (data/our-advice.yml) at the top of the solutions page."""
    if page_name != SOLUTIONS_PAGE:
        return []
    path = project.root / project.data.advice
    if not path.exists():
        return []
    texts = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("charged", {}).get(lang)
    if not isinstance(texts, dict):
        return []
    text = " ".join(str(value) for key, value in texts.items() if key not in NOT_SEARCHED)
    return [Section(CHARGED, tuple(terms(normalized(text))))]


def searched(page: Page) -> bool:
    return in_reader_search(page.meta)


TERM_SEPARATOR = "\0"  # never in a term: joined, a run of terms is a substring of whole terms


@functools.cache
def _joined(terms: tuple[str, ...]) -> str:
    return TERM_SEPARATOR + TERM_SEPARATOR.join(terms) + TERM_SEPARATOR


def contains(haystack: tuple[str, ...], needle: list[str]) -> bool:
    """Whether ``needle`` occurs in ``haystack`` as consecutive terms (a string search: the
    check asks this about 30,000 times, once per alias and section)."""
    return bool(needle) and _joined(tuple(needle)) in _joined(haystack)


def check(project: Project) -> list[Problem]:
    problems: list[Problem] = []
    file = read_yaml(project.root, project.data.vocabulary, problems, required=False)
    if file is None:
        return problems
    if not isinstance(file.data, dict):
        message = "the reader vocabulary is not a mapping of pages"
        return [Problem(project.data.vocabulary, 1, message, f"write it as {FORMAT}")]
    languages = [language.code for language in project.languages]
    # The pages readers search: not those whose front matter leaves them out of the search.
    page_sections = {key: sections(page) for key, page in project.pages.items() if searched(page)}
    for (lang, name), found in page_sections.items():
        found += inserted_sections(project, lang, name)
    first_use: dict[tuple[str, str], tuple[int, str]] = {}  # (lang, alias) -> (line, where)
    lacking = glossary.missing_terms(project)
    for page_name, entries in file.data.items():
        if not any((lang, page_name) in project.pages for lang in languages):
            message = f"'{page_name}' is not a page of {project.docs_dir}/"
            fix = f"use a page file name of {project.docs_dir}/<language>/ (e.g. causes.md)"
            problems.append(Problem(project.data.vocabulary, file.line(page_name), message, fix))
            continue
        for section_id, by_language in (entries or {}).items() if isinstance(entries, dict) else []:
            for lang, entry in (by_language or {}).items() if isinstance(by_language, dict) else []:
                problems += _check_entry(
                    project,
                    file,
                    page_sections,
                    first_use,
                    lacking,
                    page_name,
                    str(section_id),
                    str(lang),
                    entry,
                )
    return problems


def _check_entry(
    project: Project,
    file: YamlFile,
    page_sections: dict,
    first_use: dict,
    lacking: set[tuple[str, str, str]],
    page_name: str,
    section_id: str,
    lang: str,
    entry: object,
) -> list[Problem]:
    where = f"{project.docs_dir}/{lang}/{page_name}"
    keys = (page_name, section_id, lang)
    if (lang, page_name) not in page_sections:
        if (lang, page_name) not in project.pages and (project.default_language, page_name) in project.pages:
            return []  # a translation missing: structure.check_pairs names it
        if (lang, page_name) in project.pages:
            message = f"{where} is not in the reader search (its front matter says `audience: developers` or `search: {{exclude: true}}`)"
            fix = "remove the entry, or let readers search the page"
            return [Problem(project.data.vocabulary, file.line(*keys), message, fix)]
        message = f"no page {where} for these {lang} aliases"
        fix = f"use a language of mkdocs.yml ({', '.join(language.code for language in project.languages)}) whose folder has {page_name}"
        return [Problem(project.data.vocabulary, file.line(*keys), message, fix)]
    own = {s.id: s for s in page_sections[(lang, page_name)]}
    if section_id not in own and section_id in promised_ids(project, project.pages[(lang, page_name)]):
        return []  # a heading id changed: the heading comparison or the URL contract names it
    if section_id not in own:
        fix = f"use one of its ids: {', '.join('#' + i for i in sorted(own))}"
        return [
            Problem(
                project.data.vocabulary,
                file.line(page_name, section_id),
                f"{where} has no section #{section_id}",
                fix,
            )
        ]
    if not (isinstance(entry, dict) and _strings(entry.get("words")) and _strings(entry.get("aliases"))):
        message = f"the {lang} entry of {page_name}#{section_id} needs `words` and `aliases`, lists of text"
        return [Problem(project.data.vocabulary, file.line(*keys), message, f"write it as {FORMAT}")]
    problems = []
    section = own[section_id]
    for index, word in enumerate(entry["words"]):
        if (where, section_id, word.lower()) in lacking:
            continue  # the glossary rule asks for the word on the translation's line
        if not contains(section.terms, terms(normalized(word))):
            message = f"the article word '{word}' no longer occurs in {where}#{section_id}"
            fix = "put in `words:` the words this section now uses for what the aliases mean, and check that the aliases still fit it"
            problems.append(Problem(project.data.vocabulary, file.line(*keys, "words", index), message, fix))
    others = [
        (name, s)
        for (code, name), found in page_sections.items()
        if code == lang
        for s in found
        if (name, s.id) != (page_name, section_id)
    ]
    for index, alias in enumerate(entry["aliases"]):
        line = file.line(*keys, "aliases", index)
        key = normalized(alias)
        if (lang, key) in first_use:
            first_line, first_where = first_use[(lang, key)]
            message = f"duplicate {lang} alias '{alias}': line {first_line} already gives it to {first_where}"
            fix = "keep it once, in the section that answers a reader who types it"
            problems.append(Problem(project.data.vocabulary, line, message, fix))
            continue
        first_use[(lang, key)] = (line, f"{page_name}#{section_id}")
        alias_terms = terms(key)
        if contains(section.terms, alias_terms):
            continue
        elsewhere = next((f"{name}#{s.id}" for name, s in others if contains(s.terms, alias_terms)), None)
        if elsewhere:
            message = f"alias '{alias}' is the article's own wording in {project.docs_dir}/{lang}/{elsewhere}, not in {page_name}#{section_id}"
            fix = f"remove it, since the search already finds {elsewhere} with it, or use a phrase the article does not use"
            problems.append(Problem(project.data.vocabulary, line, message, fix))
    return problems


def _strings(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) and v.strip() for v in value)
