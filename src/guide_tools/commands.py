"""What `scripts/guide.py check` and `translation-status` do (`make check`, `make fix`,
`make translation-status`, `make update-translation PAGE=…`): functions that print what a
translator reads and return the exit code."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from guide_tools.checks import conversion, report, run, translations, typography_rules
from guide_tools.checks.project import load_project
from guide_tools.checks.site import build as build_site
from guide_tools.checks.site import build_problems


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def check(root: Path, build: bool = False, fix: bool = False) -> int:
    """Check the pages and (with ``build``) the built site; print every problem as
    `path:line: message (how to fix it)`, and as GitHub annotations when GITHUB_ACTIONS is set.

    Rules: every zh page has its en page and back, and the nav lists them; both languages have
    the same headings in the same order with the same explicit {#ids}; links and #anchors
    resolve, and a page links into the other language only with {: hreflang=…}; front matter
    follows data/schemas/front-matter.schema.json; the checklist and the glossary agree with the
    pages; Chinese typography; no address or id of data/url-contract.yml disappears; no
    translation is stale (its source_hash is its source's current version).

    Returns 1 when there is any error. With ``fix``, the problems that can be fixed (typography) are
    fixed in place; it exits 0 when nothing is left to fix by hand (review the change with
    `git diff`).
    """
    started = time.perf_counter()
    root = root.resolve()
    fixed: list[str] = []
    if fix:  # a typography fix leaves translations up to date (source_hash reads the words)
        fixed = typography_rules.fix(load_project(root))
    project = load_project(root)
    problems = run.check_sources(project)
    build_seconds = None
    build_folded = False
    if build:
        with tempfile.TemporaryDirectory(prefix="wallet-guide-site-") as site_dir:
            build_started = time.perf_counter()
            result = build_site(root, Path(site_dir))
            build_seconds = time.perf_counter() - build_started
            if result.site is not None:
                problems += run.check_site(project, result.site)
            elif any(p.severity == "error" for p in problems):
                # The sources' mistakes are the build's failure: one message each, not a second
                # one in MkDocs' words. Once they are fixed, the next check shows what is left.
                build_folded = True
            else:
                problems += build_problems(root, result.messages, project)
    problems = run.ordered(problems)

    for line in report.lines(problems, os.environ):
        print(line)
    for path in fixed:
        print(f"{path}: fixed its typography in place")
    elapsed = time.perf_counter() - started
    errors = [p for p in problems if p.severity == "error"]
    scope = f"{len(project.pages)} pages ({', '.join(language.code for language in project.languages)})"
    if project.generated:  # no pages of their own: their overrides, and their built pages with --build
        scope += f" + generated {', '.join(language.code for language in project.generated)}"
    scope += " and the built site" if build and not build_folded else ""
    timing = f"{elapsed:.2f} s" + (f", of which the build {build_seconds:.2f} s" if build_seconds else "")
    timing += "; the build failed too: it is checked again once these are fixed" if build_folded else ""
    review = "review the change with `git diff`, then commit it"
    if errors:
        files = len({p.path for p in errors})
        done = f", {plural(len(fixed), 'file')} fixed in place ({review})" if fixed else ""
        print(
            f"check: {plural(len(errors), 'error')} in {plural(files, 'file')}{done}; checked {scope} in {timing}"
        )
        return 1
    if fixed:
        print(
            f"check: no errors left, {plural(len(fixed), 'file')} fixed in place: {review}; "
            f"checked {scope} in {timing}"
        )
        return 0
    print(f"check: no errors in {scope}; {timing}")
    return 0


def translation_status(
    root: Path, pages: list[str] | None = None, update: list[str] | None = None, no_diff: bool = False
) -> int:
    """List each translated page as up to date, stale, missing or untracked (no source_hash).

    For a stale page, it finds in git the version of the source the page translates and prints
    what changed since (`git diff <commit> -- docs/zh/<page>`). Once the translation matches its
    source again, record that with ``update`` (`make update-translation PAGE=docs/en/<page>`): it rewrites only the page's
    source_hash line (part of the translator's change).
    """
    root = root.resolve()
    project = load_project(root)
    if update:
        for page in update:
            try:
                old, new = translations.update(project, page)
            except (ValueError, OSError) as error:
                print(f"{page}: {error}", file=sys.stderr)
                return 2
            if old == new:
                print(f"{page}: already records the current source ({translations.HASH_KEY} {new})")
            else:
                print(
                    f"{page}: {translations.HASH_KEY} {old or '(none)'} -> {new}; "
                    "commit it with your translation"
                )
        return 0
    statuses = translations.statuses(project)
    if pages:
        statuses = [s for s in statuses if s.page in pages]
    width = max((len(s.page) for s in statuses), default=0)
    for status in statuses:
        if status.state == "up to date":
            print(f"{status.page:<{width}}  up to date")
        elif status.state == "missing":
            print(f"{status.page:<{width}}  missing: translate {status.source}")
        elif status.state == "unreadable":
            print(
                f"{status.page:<{width}}  unreadable: its front matter is broken (`make check` says where and how to fix it)"
            )
        elif status.state == "untracked":
            print(
                f"{status.page:<{width}}  untracked: no source_hash; once it matches {status.source}, "
                f"run `{translations.UPDATE_COMMAND.format(page=status.page)}`"
            )
        else:
            print(f"{status.page:<{width}}  stale: {status.source} changed since {status.recorded}")
            commit = translations.find_source_commit(root, status.source, status.recorded or "")
            if commit is None:
                print(
                    f"    no commit of {status.source} has that hash: compare the pages by hand "
                    f"(`git log -p -- {status.source}`)"
                )
            else:
                print(f"    {translations.diff_command(commit, status.source)}")
                if not no_diff:
                    diff = translations.source_diff(root, commit, status.source)
                    print("".join(f"    {line}\n" for line in diff.splitlines()), end="")
            print(f"    when the translation matches: {translations.UPDATE_COMMAND.format(page=status.page)}")
    if not pages:
        for line in conversion.status_lines(project):
            print(line)
    return 0
