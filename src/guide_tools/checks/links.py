"""Every internal link and #anchor resolves, in the Markdown and in the built site; a page never
links into another language's pages unless the link says so.

How to link (CONTRIBUTING.md, "Links"):
- to a page of the same language: its Markdown file, relative to this one: ``solutions.md#balance``;
- to a page of another language, on purpose: its address relative to this page, marked with the
  target's language: ``[中文原文](../../causes/#balance){: hreflang=zh }``. The hreflang attribute
  is both our "I mean it" and a hint to the reader's browser. (A link to ``../zh/causes.md`` does
  not work: the build turns it into a link to this language's page.)
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from guide_tools.checks import checklist_rules
from guide_tools.checks.markdown import Link, Page
from guide_tools.checks.problem import Problem
from guide_tools.checks.project import MKDOCS_FILE, Project
from guide_tools.checks.site import BuiltLink, BuiltPage, Site

EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")

# (page path, target site path, fragment): a broken link already reported from the Markdown, so
# the built-site check does not report it a second time.
LinkKey = tuple[str, str, str]


@dataclass(frozen=True)
class Finding:
    problem: Problem
    key: LinkKey | None = None


def relative_url(from_dir: str, to_dir: str) -> str:
    """The address of site path ``to_dir`` as written on the page at site path ``from_dir``."""
    url = posixpath.relpath(to_dir.rstrip("/") or ".", from_dir.rstrip("/") or ".")
    return "./" if url == "." else url + "/"


def _closest(word: str, choices: list[str]) -> list[str]:
    return difflib.get_close_matches(word, choices, n=1, cutoff=0.5)


def _anchor_problem(
    project: Project, page: Page, link: Link, target: Page, fragment: str, key: LinkKey
) -> Finding | None:
    if not fragment or fragment in checklist_rules.promised_ids(project, target):
        return None
    # No "did you mean" an id that another rule asks to change back: that would spread it.
    ids = checklist_rules.ids_shown_on(project, target) - checklist_rules.renamed_ids(project, target)
    guess = _closest(fragment, sorted(ids))
    where = "this page" if target is page else target.path
    hint = f"did you mean #{guess[0]}? " if guess else ""
    return Finding(
        Problem(
            page.path,
            link.line,
            f"link to {link.target}: {where} has no section #{fragment}",
            f"{hint}use one of the ids of {where}: {', '.join('#' + i for i in sorted(ids)) or 'none'}",
        ),
        key,
    )


def _cross_language_fix(project: Project, page: Page, target: Page, fragment: str) -> str:
    here = project.site_path(page.lang, page.name)
    url = relative_url(here, project.site_path(target.lang, target.name)) + (
        f"#{fragment}" if fragment else ""
    )
    same = project.pages.get((page.lang, target.name))
    alternative = f"; to stay in this language, link to {target.name}" if same else ""
    return f"to link to the {target.lang} page on purpose, write ({url}){{: hreflang={target.lang} }}{alternative}"


def check_link(project: Project, page: Page, link: Link) -> Finding | None:
    """The problem with one Markdown link, if any."""
    target = link.target.strip()
    if not target:
        return Finding(
            Problem(page.path, link.line, "empty link target", "write the page or #id the link goes to")
        )
    if EXTERNAL.match(target):
        return None
    address, _, fragment = target.partition("#")
    address = unquote(address.split("?", 1)[0])
    here = project.site_path(page.lang, page.name)

    if not address:
        return _anchor_problem(project, page, link, page, fragment, (page.path, here, fragment))

    if address.startswith("/"):
        landing = project.page_at(address.lstrip("/"))
        if landing is not None and landing.lang == page.lang:
            fix = f"link to the Markdown file instead: {posixpath.relpath(landing.name, posixpath.dirname(page.name) or '.')}"
        elif landing is not None:
            fix = _cross_language_fix(project, page, landing, fragment)
        else:
            fix = "link to the Markdown file of the page, relative to this one (e.g. causes.md#network)"
        return Finding(
            Problem(
                page.path,
                link.line,
                f"absolute link {target} breaks when the site is not at the root of its domain",
                fix,
            )
        )

    if address.endswith(".md"):
        resolved = posixpath.normpath(posixpath.join(page.lang, posixpath.dirname(page.name), address))
        lang, _, name = resolved.partition("/")
        if lang != page.lang and project.language(lang) and (lang, name) in project.pages:
            other = project.pages[(lang, name)]
            return Finding(
                Problem(
                    page.path,
                    link.line,
                    f"link to {target} leaves the {page.lang} pages: the build cannot resolve it"
                    if page.lang == project.default_language
                    else f"link to {target} leaves the {page.lang} pages: the build makes it a link to the {page.lang} page",
                    _cross_language_fix(project, page, other, fragment),
                ),
                (page.path, project.site_path(lang, name), fragment),
            )
        linked = project.pages.get((page.lang, name)) if lang == page.lang else None
        if linked is None and lang == page.lang and (project.default_language, name) in project.pages:
            return None  # a translation missing: structure.check_pairs names it, on its source
        if linked is None:
            guess = _closest(posixpath.basename(address), project.names(page.lang))
            return Finding(
                Problem(
                    page.path,
                    link.line,
                    f"link to {target}: {project.docs_dir}/{resolved} does not exist",
                    f"did you mean {guess[0]}?"
                    if guess
                    else f"link to one of the pages in {project.docs_dir}/{page.lang}/: {', '.join(project.names(page.lang))}",
                ),
                (page.path, project.site_path(page.lang, name), fragment),
            )
        return _anchor_problem(
            project, page, link, linked, fragment, (page.path, project.site_path(page.lang, name), fragment)
        )

    # An address ("../../causes/") or a file ("img/x.png").
    site_target = posixpath.normpath(posixpath.join(here or ".", address))
    if site_target.startswith(".."):
        return Finding(
            Problem(
                page.path,
                link.line,
                f"link to {target} points outside the site",
                "link to a page of the site",
            )
        )
    site_target = "" if site_target == "." else site_target + "/"
    landing = project.page_at(site_target)
    if landing is not None:
        key = (page.path, site_target, fragment)
        if landing.lang == page.lang:
            name = posixpath.relpath(landing.name, posixpath.dirname(page.name) or ".")
            return Finding(
                Problem(
                    page.path,
                    link.line,
                    f"link to the address {target} instead of the page's Markdown file",
                    f"write {name}{'#' + fragment if fragment else ''}: the build checks and rewrites .md links",
                ),
                key,
            )
        if not names_language(link.attrs.get("hreflang"), landing.lang):
            return Finding(
                Problem(
                    page.path,
                    link.line,
                    f"link to {target} goes to the {landing.lang} site without saying so",
                    f"if you mean it, add {{: hreflang={landing.lang} }} right after the link; "
                    f"otherwise link to {landing.name} in this language",
                ),
                key,
            )
        return _anchor_problem(project, page, link, landing, fragment, key)
    file = posixpath.normpath(posixpath.join(posixpath.dirname(page.name), address))
    folder = project.root / project.docs_dir
    if (folder / page.lang / file).is_file() or (folder / file).is_file():
        return None
    return Finding(
        Problem(
            page.path,
            link.line,
            f"link to {target}: there is no page or file at that address",
            "link to a page's Markdown file (e.g. causes.md#network), or fix the file name",
        ),
        (page.path, site_target, fragment),
    )


def _source_findings(project: Project) -> list[Finding]:
    findings = []
    for page in sorted(project.pages.values(), key=lambda p: p.path):
        for link in page.links:
            finding = check_link(project, page, link)
            if finding:
                findings.append(finding)
        for line, reference in page.undefined_references:
            findings.append(
                Finding(
                    Problem(
                        page.path,
                        line,
                        f"reference link [{reference}] has no definition",
                        f"add a line `[{reference}]: target.md` to the page, or fix the reference's name",
                    )
                )
            )
    return findings


def check_sources(project: Project) -> list[Problem]:
    return [finding.problem for finding in _source_findings(project)]


# --- The built site --------------------------------------------------------------------------


def names_language(hreflang: str | None, code: str) -> bool:
    """hreflang names the language ``code``: BCP 47 tags are case-insensitive, so the built
    pages' zh-TW (Language.html_lang) names the folder zh-tw."""
    return hreflang is not None and hreflang.lower() == code.lower()


def _source(project: Project, site: Site, built_path: str) -> Page | None:
    """The Markdown page the build made ``built_path`` from (as the build recorded it)."""
    source = site.sources.get(built_path)
    return next((p for p in project.pages.values() if source and p.path == source.path), None)


def _language_of(project: Project, site: Site, built_path: str) -> str:
    if built_path in site.sources:
        return site.sources[built_path].lang
    roots = [lang for lang in [*project.languages, *project.generated] if lang.root]
    return next((lang.code for lang in roots if built_path.startswith(lang.root)), project.default_language)


def _where(project: Project, site: Site, built_path: str, link: BuiltLink) -> tuple[str, int, str]:
    """The file and line to report a built page's link at, and where the link comes from."""
    page = _source(project, site, built_path)
    if page is None:  # a page of no Markdown file (404.html): a template writes it
        template = f"overrides/{posixpath.basename(built_path)}"
        return (
            template if (project.root / template).is_file() else MKDOCS_FILE,
            1,
            "a template in overrides/ or a plugin writes it: fix it there",
        )
    for number, text in enumerate(page.lines, 1):
        if link.href in text:
            return page.path, number, "fix the link on this line"
    # A Markdown link the build rewrote: causes.md#balance is ../causes/#balance once built.
    lang = _language_of(project, site, built_path)
    href_path, _, href_fragment = link.href.partition("#")
    wanted = posixpath.normpath(posixpath.join(posixpath.dirname(built_path), href_path or "."))
    for source_link in page.links:
        address, _, fragment = source_link.target.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), address))
        if (
            fragment == href_fragment
            and address.endswith(".md")
            and any(
                source.path == target
                and source.lang == lang
                and posixpath.normpath(posixpath.dirname(built)) == wanted
                for built, source in site.sources.items()
            )
        ):
            return page.path, source_link.line, "fix the link on this line"
    return (
        page.path,
        1,
        (
            "it is not in this page's Markdown: a template in overrides/, a plugin or a file in data/ "
            "writes it; fix it there"
        ),
    )


def check_site(project: Project, site: Site) -> list[Problem]:
    """Links in the built HTML: the target exists, the #id is on it, languages are crossed only
    on purpose. Links already reported from the Markdown are not reported again, nor those of a
    generated language's page (converted from its source's) that its source's page has too."""
    reported = {f.key for f in _source_findings(project) if f.key}
    broken: set[tuple[str, str]] = set()  # (source, href): reported, here or from the Markdown
    problems = []
    generated = {lang.code for lang in project.generated}
    for built_path, built in sorted(
        site.pages.items(), key=lambda item: (_language_of(project, site, item[0]) in generated, item[0])
    ):
        source = site.sources[built_path].path if built_path in site.sources else built_path
        for link in built.links:
            if (source, link.href) in broken:
                continue  # the same link of the source language's page is reported
            found = _built_link_problem(project, site, built_path, link, reported)
            if found is not False:
                broken.add((source, link.href))
            if isinstance(found, tuple):
                file, line, origin = _where(project, site, built_path, link)
                message, fix = found
                problems.append(Problem(file, line, message, fix.format(origin=origin)))
    return problems


def _built_link_problem(
    project: Project, site: Site, built_path: str, link: BuiltLink, reported: set[LinkKey]
) -> tuple[str, str] | bool | None:
    """(message, fix) of one built link; None when the Markdown check reported it; False when fine."""
    if not link.href or EXTERNAL.match(link.href):
        return False
    url = urlsplit(link.href)
    if url.path.endswith(".md"):
        # A Markdown link MkDocs could not resolve: it comes from the nav or a page, and
        # the source checks name the line (here it would repeat on every page).
        return None
    here = "/" + built_path
    path = (
        unquote(posixpath.normpath(posixpath.join(posixpath.dirname(here), url.path))) if url.path else here
    )
    if url.path.endswith("/") and not path.endswith("/"):
        path += "/"
    target = site.resolve(path.lstrip("/"))
    target_dir = target[: -len("index.html")] if target and target.endswith("index.html") else None
    page = _source(project, site, built_path)
    key = (
        page.path if page else "",
        target_dir if target_dir is not None else path.lstrip("/"),
        url.fragment,
    )
    if key in reported:
        return None
    if target is None:
        return f"the built page /{built_path} links to {link.href}, which does not exist", "{origin}"
    target_page = _source(project, site, target)
    if (
        target_page is not None
        and url.fragment in checklist_rules.promised_ids(project, target_page)
        and url.fragment not in site.pages.get(target, BuiltPage()).ids
    ):
        return None  # a heading id that another rule asks for
    if url.fragment and target in site.pages and url.fragment not in site.pages[target].ids:
        return (
            f"the built page /{built_path} links to {link.href}: /{target} has no id #{url.fragment}",
            "{origin}",
        )
    if link.tag == "a" and link.in_article and target_dir is not None:
        source_lang, target_lang = (
            _language_of(project, site, built_path),
            _language_of(project, site, target),
        )
        if source_lang != target_lang and not names_language(link.attrs.get("hreflang"), target_lang):
            return (
                f"the built page /{built_path} links into the {target_lang} site ({link.href}) without hreflang",
                f'add hreflang="{target_lang}" to the link if it means to change language; {{origin}}',
            )
    return False
