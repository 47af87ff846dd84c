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
from urllib.parse import unquote, urlsplit

from mkdocs.utils import get_relative_url

from guide_tools.checks import checklist_rules
from guide_tools.checks.markdown import Link, Page
from guide_tools.checks.problem import Problem
from guide_tools.checks.project import MKDOCS_FILE, Project
from guide_tools.checks.site import BuiltLink, Site

EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
NOT_IN_MARKDOWN = "it is not in this page's Markdown: a template in overrides/, a plugin or a file in data/ writes it; fix it there"


def _anchor_problem(page: Page, link: Link, project: Project, target: Page, fragment: str) -> Problem | None:
    if not fragment or fragment in checklist_rules.promised_ids(project, target):
        return None
    # No "did you mean" an id that another rule asks to change back: that would spread it.
    ids = checklist_rules.ids_shown_on(project, target) - checklist_rules.renamed_ids(project, target)
    guess = difflib.get_close_matches(fragment, sorted(ids), n=1, cutoff=0.5)
    where = "this page" if target is page else target.path
    hint = f"did you mean #{guess[0]}? " if guess else ""
    listed = ", ".join("#" + i for i in sorted(ids)) or "none"
    message = f"link to {link.target}: {where} has no section #{fragment}"
    fix = f"{hint}use one of the ids of {where}: {listed}"
    return Problem(page.path, link.line, message, fix)


def _cross_language_fix(project: Project, page: Page, target: Page, fragment: str) -> str:
    here, there = project.site_path(page.lang, page.name), project.site_path(target.lang, target.name)
    url = get_relative_url(there or "./", here or "./") + (f"#{fragment}" if fragment else "")
    same = project.pages.get((page.lang, target.name))
    alternative = f"; to stay in this language, link to {target.name}" if same else ""
    return f"to link to the {target.lang} page on purpose, write ({url}){{: hreflang={target.lang} }}{alternative}"


def check_link(project: Project, page: Page, link: Link) -> Problem | None:
    """The problem with one Markdown link, if any. A .md link resolves as MkDocs resolves it:
    relative to the page's own file (``en/index.md`` + ``causes.md`` = ``en/causes.md``)."""
    target = link.target.strip()
    if not target:
        return Problem(page.path, link.line, "empty link target", "write the page or #id the link goes to")
    if EXTERNAL.match(target):
        return None
    address, _, fragment = target.partition("#")
    address = unquote(address.split("?", 1)[0])
    here = project.site_path(page.lang, page.name)
    if not address:
        return _anchor_problem(page, link, project, page, fragment)
    if address.startswith("/"):
        landing = project.page_at(address.lstrip("/"))
        if landing is not None and landing.lang == page.lang:
            fix = f"link to the Markdown file instead: {posixpath.relpath(landing.name, posixpath.dirname(page.name) or '.')}"
        elif landing is not None:
            fix = _cross_language_fix(project, page, landing, fragment)
        else:
            fix = "link to the Markdown file of the page, relative to this one (e.g. causes.md#network)"
        message = f"absolute link {target} breaks when the site is not at the root of its domain"
        return Problem(page.path, link.line, message, fix)
    if address.endswith(".md"):
        lang, _, name = posixpath.normpath(
            posixpath.join(page.lang, posixpath.dirname(page.name), address)
        ).partition("/")
        if lang != page.lang and project.language(lang) and (lang, name) in project.pages:
            leaves = f"link to {target} leaves the {page.lang} pages: the build "
            leaves += (
                "cannot resolve it"
                if page.lang == project.default_language
                else f"makes it a link to the {page.lang} page"
            )
            fix = _cross_language_fix(project, page, project.pages[lang, name], fragment)
            return Problem(page.path, link.line, leaves, fix)
        linked = project.pages.get((page.lang, name)) if lang == page.lang else None
        if linked is not None:
            return _anchor_problem(page, link, project, linked, fragment)
        if lang == page.lang and (project.default_language, name) in project.pages:
            return None  # a translation missing: structure.check_pairs names it, on its source
        guess = difflib.get_close_matches(
            posixpath.basename(address), project.names(page.lang), n=1, cutoff=0.5
        )
        message = f"link to {target}: {project.docs_dir}/{lang}/{name} does not exist"
        fix = (
            f"did you mean {guess[0]}?"
            if guess
            else f"link to one of the pages in {project.docs_dir}/{page.lang}/: {', '.join(project.names(page.lang))}"
        )
        return Problem(page.path, link.line, message, fix)
    # An address ("../../causes/") or a file ("img/x.png").
    site_target = posixpath.normpath(posixpath.join(here or ".", address))
    if site_target.startswith(".."):
        return Problem(
            page.path, link.line, f"link to {target} points outside the site", "link to a page of the site"
        )
    landing = project.page_at("" if site_target == "." else site_target + "/")
    if landing is not None and landing.lang == page.lang:
        name = posixpath.relpath(landing.name, posixpath.dirname(page.name) or ".")
        message = f"link to the address {target} instead of the page's Markdown file"
        fix = f"write {name}{('#' + fragment if fragment else '')}: the build checks and rewrites .md links"
        return Problem(page.path, link.line, message, fix)
    if landing is not None and not names_language(link.attrs.get("hreflang"), landing.lang):
        message = f"link to {target} goes to the {landing.lang} site without saying so"
        fix = f"if you mean it, add {{: hreflang={landing.lang} }} right after the link; otherwise link to {landing.name} in this language"
        return Problem(page.path, link.line, message, fix)
    if landing is not None:
        return _anchor_problem(page, link, project, landing, fragment)
    file = posixpath.normpath(posixpath.join(posixpath.dirname(page.name), address))
    folder = project.root / project.docs_dir
    if (folder / page.lang / file).is_file() or (folder / file).is_file():
        return None
    message = f"link to {target}: there is no page or file at that address"
    fix = "link to a page's Markdown file (e.g. causes.md#network), or fix the file name"
    return Problem(page.path, link.line, message, fix)


def check_sources(project: Project) -> list[Problem]:
    problems = []
    for page in sorted(project.pages.values(), key=lambda p: p.path):
        problems += [p for link in page.links if (p := check_link(project, page, link))]
        for line, reference in page.undefined_references:
            message = f"reference link [{reference}] has no definition"
            fix = f"add a line `[{reference}]: target.md` to the page, or fix the reference's name"
            problems.append(Problem(page.path, line, message, fix))
    return problems


def names_language(hreflang: str | None, code: str) -> bool:
    """hreflang names the language ``code`` (BCP 47 is case-insensitive: zh-TW names zh-tw)."""
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
        file = template if (project.root / template).is_file() else MKDOCS_FILE
        return file, 1, "a template in overrides/ or a plugin writes it: fix it there"
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
    return page.path, 1, NOT_IN_MARKDOWN


def check_site(project: Project, site: Site) -> list[Problem]:
    """Links in the built HTML: the target exists, the #id is on it, languages are crossed only
    on purpose. A link made from a Markdown line the source check already reported is that
    problem, not another; so is a generated language's link that its source's page has too."""
    reported = {(p.path, p.line) for p in check_sources(project)}
    broken: set[tuple[str, str]] = set()  # (source, href): reported, here or from the Markdown
    problems = []
    generated = {lang.code for lang in project.generated}
    for built_path, built in sorted(
        site.pages.items(), key=lambda item: (_language_of(project, site, item[0]) in generated, item[0])
    ):
        source = site.sources[built_path].path if built_path in site.sources else built_path
        for link in built.links:
            if (source, link.href) in broken or not (
                found := _built_link_problem(project, site, built_path, link)
            ):
                continue
            broken.add((source, link.href))
            file, line, origin = _where(project, site, built_path, link)
            if (file, line) not in reported:
                problems.append(Problem(file, line, found[0], found[1].format(origin=origin)))
    return problems


def _built_link_problem(
    project: Project, site: Site, built_path: str, link: BuiltLink
) -> tuple[str, str] | None:
    """(message, fix) of one built link, None when it is fine."""
    url = urlsplit(link.href)
    # A .md link is one MkDocs could not resolve: the source checks name its line.
    if not link.href or EXTERNAL.match(link.href) or url.path.endswith(".md"):
        return None
    path = unquote(posixpath.normpath(posixpath.join(posixpath.dirname("/" + built_path), url.path or ".")))
    path += "/" if url.path.endswith("/") and not path.endswith("/") else ""
    target = site.resolve(path.lstrip("/")) if url.path else built_path
    if target is None:
        return f"the built page /{built_path} links to {link.href}, which does not exist", "{origin}"
    if url.fragment and target in site.pages and url.fragment not in site.pages[target].ids:
        target_page = _source(project, site, target)
        if target_page is not None and url.fragment in checklist_rules.promised_ids(project, target_page):
            return None  # a heading id that another rule asks for
        return (
            f"the built page /{built_path} links to {link.href}: /{target} has no id #{url.fragment}",
            "{origin}",
        )
    if link.tag == "a" and link.in_article and target.endswith("index.html"):
        source_lang = _language_of(project, site, built_path)
        target_lang = _language_of(project, site, target)
        if source_lang != target_lang and not names_language(link.attrs.get("hreflang"), target_lang):
            return (
                f"the built page /{built_path} links into the {target_lang} site ({link.href}) without hreflang",
                f'add hreflang="{target_lang}" to the link if it means to change language; {{origin}}',
            )
    return None
