"""The URL contract (data/url-contract.yml): no published address or section id disappears, in
the sources or in the built site, and the contract's languages are the ones mkdocs.yml builds."""

from __future__ import annotations

from guide_tools.checks import checklist_rules
from guide_tools.checks.problem import Problem
from guide_tools.checks.project import MKDOCS_FILE, Project
from guide_tools.checks.site import Site
from wallet_guide.data.url_contract import ContractPage


def entries(project: Project) -> tuple[ContractPage, ...]:
    return project.url_contract.pages


def _url(project: Project, lang: str, entry: ContractPage) -> str:
    language = project.language(lang)
    return "/" + (language.root if language else "") + entry.path


def check_languages(project: Project) -> list[Problem]:
    """The contract's languages are a public copy of mkdocs.yml's, the source: each at the
    address the build gives it."""
    if project.contract is None or not isinstance(project.contract.data, dict):
        return []
    published = {language.code: language for language in project.url_contract.languages}
    built = {language.code: "/" + language.root for language in [*project.languages, *project.generated]}
    problems = []
    for code, root in built.items():
        if code not in published:
            message = f"{MKDOCS_FILE} (the source) builds the language '{code}', but the URL contract does not list it"
            fix = f"add `- code: {code}` with `root: {root}` under languages:"
            problems.append(Problem(project.data.contract, project.url_contract.languages_line, message, fix))
        elif published[code].root != root:
            message = f"the URL contract puts '{code}' at {published[code].root}, but the build ({MKDOCS_FILE}) puts it at {root}"
            fix = "published addresses never move: make mkdocs.yml build the language where the contract says"
            problems.append(Problem(project.data.contract, published[code].line, message, fix))
    for code, language in published.items():
        if code not in built:
            message = (
                f"the URL contract publishes {language.root} ('{code}'), but {MKDOCS_FILE} does not build it"
            )
            fix = f"restore the language under plugins: i18n: languages: in {MKDOCS_FILE}"
            problems.append(Problem(project.data.contract, language.line, message, fix))
    return problems


def missing_ids(project: Project, lang: str, entry: ContractPage) -> list[str]:
    """Contract ids the page of ``lang`` lacks in its source (the checklist's count as present
    where the page shows the checklist; the built-site check verifies those)."""
    page = project.pages.get((lang, entry.source))
    if page is None:
        return []
    present = checklist_rules.ids_shown_on(project, page)
    return [i for i in entry.ids if i not in present]


def check_sources(project: Project) -> list[Problem]:
    problems = check_languages(project)
    source = project.default_language
    causes_page = project.pages.get((source, checklist_rules.LINKED_PAGES[0]))
    causes_on_pages = {h.id for h in causes_page.headings if h.id} if causes_page else set()
    for entry in entries(project):
        present = [lang.code for lang in project.languages if (lang.code, entry.source) in project.pages]
        if entry.planned and present:
            message = f"{_url(project, source, entry)} is written now but still marked planned"
            fix = "remove the line `planned: true` from this entry: from now on the page must not disappear"
            problems.append(Problem(project.data.contract, entry.line, message, fix))
        elif entry.planned:
            message = f"{_url(project, source, entry)} is planned and not written yet"
            fix = f"nothing to do until {project.page_path(source, entry.source)} is added"
            problems.append(Problem(project.data.contract, entry.line, message, fix, "warning"))
            continue
        if not present:
            # Absent in every language (absent in some only: the pairing rule of structure.py).
            message = f"{_url(project, source, entry)} is published, but {project.page_path(source, entry.source)} does not exist"
            fix = "restore the page: published addresses never disappear; to move a page, keep its old address with a redirect"
            problems.append(Problem(project.data.contract, entry.line, message, fix))
            continue
        # A translation whose heading differs from its source's is reported by the heading
        # comparison (structure.py), which names the right heading: here, only ids missing from
        # the source page, or from a translation and its source alike.
        source_missing = set(missing_ids(project, source, entry)) if source in present else set()
        for lang in present:
            page = project.pages[(lang, entry.source)]
            h2 = [h for h in page.headings if h.level == 2]
            for missing in missing_ids(project, lang, entry):
                if lang != source and source in present and missing not in source_missing:
                    continue
                url = f"{_url(project, lang, entry)}#{missing}"
                position = entry.ids.index(missing)
                there = h2[position] if position < len(h2) else None
                if there is not None and there.id is None:
                    continue  # an automatic id: check_ids asks for {#missing} on that heading
                if there is not None and there.id not in entry.ids:
                    message = f"heading id #{there.id} replaced #{missing}, which the URL contract publishes ({url})"
                    fix = f"keep {{#{missing}}} on this heading: {project.data.contract}:{entry.line} promises that links to {url} keep working"
                    problems.append(Problem(page.path, there.line, message, fix))
                elif checklist_rules.has_marker(page) and entry.source == checklist_rules.CHECKLIST_PAGE:
                    if missing in causes_on_pages:
                        continue  # causes.check names the cause whose checklist entry is missing
                    message = f"the causes checklist has no entry '{missing}', which the URL contract publishes ({url})"
                    fix = f"add the entry `- id: {missing}` to {project.data.checklist}, or restore it if it was removed"
                    problems.append(Problem(page.path, checklist_rules.marker_line(page), message, fix))
                else:
                    message = f"no heading has the id #{missing}, which the URL contract publishes ({url})"
                    fix = f"a section removed or renamed: put {{#{missing}}} back on its heading, since {project.data.contract}:{entry.ids_line or entry.line} promises that links to {url} keep working; a new section: add it to this page in every language, with {{#{missing}}} on its heading"
                    problems.append(Problem(page.path, 1, message, fix))
    return problems


def check_site(project: Project, site: Site) -> list[Problem]:
    """Every published address and id is in the built site (this is where ids that templates
    and plugins render, such as the checklist's, are checked). What the source check already
    reported is not reported again."""
    problems = []
    for entry in entries(project):
        for language in project.languages:
            page = project.pages.get((language.code, entry.source))
            if page is None:
                continue  # reported from the sources
            url = _url(project, language.code, entry)
            built = site.resolve(url.lstrip("/"))
            if built is None or built not in site.pages:
                fix = f"build {page.path} at {url}: check its file name and the nav in {MKDOCS_FILE}"
                problems.append(
                    Problem(project.data.contract, entry.line, f"the built site has no page at {url}", fix)
                )
                continue
            # Ids missing from the Markdown are reported from the sources; here, the ones the
            # Markdown (or the checklist it shows) has but the built page lacks.
            expected = checklist_rules.ids_shown_on(project, page) - checklist_rules.pending_ids(
                project, page
            )
            for missing in entry.ids:
                if missing in site.pages[built].ids or missing not in expected:
                    continue
                message = f"the built page {url} has no id #{missing}, which the URL contract publishes"
                fix = f"restore the section or the checklist entry with the id '{missing}', as {project.data.contract}:{entry.line} promises"
                problems.append(Problem(page.path, 1, message, fix))
    return problems
