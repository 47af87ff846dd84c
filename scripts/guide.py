#!/usr/bin/env python3
"""The guide's chores, in one command. `make check`, `make fix`, `make translation-status` and
`make update-translation PAGE=…` call it; `scripts/guide.py <command> --help` explains each.

Run it through make, or directly (`scripts/guide.py check`): it then runs itself with the
project's Python, .venv/bin/python, which `make install` creates.
"""

from __future__ import annotations

import argparse
import inspect
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

try:
    import wallet_guide  # noqa: F401  (installed in .venv by `make install`)
except ModuleNotFoundError:
    VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
    if __name__ == "__main__" and VENV_PYTHON.exists() and Path(sys.executable) != VENV_PYTHON:
        os.execv(VENV_PYTHON, [str(VENV_PYTHON), *sys.argv])
    sys.exit("scripts/guide.py needs the guide's packages: run `make install` first")

from wallet_guide.checks import report, run, translations, typography_rules  # noqa: E402
from wallet_guide.checks.project import load_project  # noqa: E402
from wallet_guide.checks.site import build, build_problems, read_site  # noqa: E402


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def check(args: argparse.Namespace) -> int:
    """Check the pages and (with --build or --site) the built site; print every problem as
    `path:line: message (how to fix it)`, and as GitHub annotations when GITHUB_ACTIONS is set.

    Rules: every zh page has its en page and back, and the nav lists them; both languages have
    the same headings in the same order with the same explicit {#ids}; links and #anchors
    resolve, and a page links into the other language only with {: hreflang=…}; front matter
    follows data/schemas/front-matter.schema.json; the checklist and the glossary agree with the
    pages; Chinese typography; no address or id of data/url-contract.yml disappears; no
    translation is stale (its source_hash is its source's current version).

    Exits 1 when there is any error. With --fix, the problems that can be fixed (typography) are
    fixed in place; it exits 0 when nothing is left to fix by hand (review the change with
    `git diff`).
    """
    started = time.perf_counter()
    root = args.root.resolve()
    fixed: list[str] = []
    rehashed: list[str] = []
    if args.fix:
        project = load_project(root)
        current = {s.page for s in translations.statuses(project) if s.state == "up to date"}
        fixed = typography_rules.fix(project)
        # A translation that matched its source still does: typography changes no meaning.
        for status in translations.statuses(load_project(root)):
            if status.source in fixed and status.page in current:
                translations.update(load_project(root), status.page)
                rehashed.append(status.page)
    project = load_project(root)
    problems = run.check_sources(project)
    build_seconds = None
    if args.build:
        with tempfile.TemporaryDirectory(prefix="wallet-guide-site-") as site_dir:
            build_started = time.perf_counter()
            result = build(root, Path(site_dir))
            build_seconds = time.perf_counter() - build_started
            if result.ok:
                problems += run.check_site(project, read_site(Path(site_dir)))
            else:
                # A line the source checks already reported is not reported again from the build.
                reported = {(p.path, p.line) for p in problems}
                problems += [p for p in build_problems(root, result) if (p.path, p.line) not in reported]
    elif args.site:
        problems += run.check_site(project, read_site(args.site))
    problems = run.ordered(problems)

    for line in report.lines(problems, os.environ):
        print(line)
    for path in fixed:
        print(f"{path}: fixed its typography in place")
    for path in rehashed:
        print(f"{path}: updated its source_hash (its source changed in typography only)")
    elapsed = time.perf_counter() - started
    errors = [p for p in problems if p.severity == "error"]
    scope = f"{len(project.pages)} pages ({', '.join(l.code for l in project.languages)})"
    scope += " and the built site" if args.build or args.site else ""
    timing = f"{elapsed:.2f} s" + (f", of which the build {build_seconds:.2f} s" if build_seconds else "")
    review = "review the change with `git diff`, then commit it"
    if errors:
        files = len({p.path for p in errors})
        done = f", {plural(len(fixed), 'file')} fixed in place ({review})" if fixed else ""
        print(f"check: {plural(len(errors), 'error')} in {plural(files, 'file')}{done}; checked {scope} in {timing}")
        return 1
    if fixed:
        print(f"check: no errors left, {plural(len(fixed), 'file')} fixed in place: {review}; "
              f"checked {scope} in {timing}")
        return 0
    print(f"check: no errors in {scope}; {timing}")
    return 0


def translation_status(args: argparse.Namespace) -> int:
    """List each translated page as up to date, stale, missing or untracked (no source_hash).

    For a stale page, it finds in git the version of the source the page translates and prints
    what changed since (`git diff <commit> -- docs/zh/<page>`). Once the translation matches its
    source again, record that with `--update docs/en/<page>`: it rewrites only the page's
    source_hash line (part of the translator's change).
    """
    root = args.root.resolve()
    project = load_project(root)
    if args.update:
        for page in args.update:
            try:
                old, new = translations.update(project, page)
            except (ValueError, OSError) as error:
                print(f"{page}: {error}", file=sys.stderr)
                return 2
            if old == new:
                print(f"{page}: already records the current source ({translations.HASH_KEY} {new})")
            else:
                print(f"{page}: {translations.HASH_KEY} {old or '(none)'} -> {new}; "
                      "commit it with your translation")
        return 0
    statuses = translations.statuses(project)
    if args.pages:
        statuses = [s for s in statuses if s.page in args.pages]
    width = max((len(s.page) for s in statuses), default=0)
    for status in statuses:
        if status.state == "up to date":
            print(f"{status.page:<{width}}  up to date")
        elif status.state == "missing":
            print(f"{status.page:<{width}}  missing: translate {status.source}")
        elif status.state == "unreadable":
            print(f"{status.page:<{width}}  unreadable: its front matter is broken (`make check` says where and how to fix it)")
        elif status.state == "untracked":
            print(f"{status.page:<{width}}  untracked: no source_hash; once it matches {status.source}, "
                  f"run `{translations.UPDATE_COMMAND.format(page=status.page)}`")
        else:
            print(f"{status.page:<{width}}  stale: {status.source} changed since {status.recorded}")
            commit = translations.find_source_commit(root, status.source, status.recorded or "")
            if commit is None:
                print(f"    no commit of {status.source} has that hash: compare the pages by hand "
                      f"(`git log -p -- {status.source}`)")
            else:
                print(f"    {translations.diff_command(commit, status.source)}")
                if not args.no_diff:
                    diff = translations.source_diff(root, commit, status.source)
                    print("".join(f"    {line}\n" for line in diff.splitlines()), end="")
            print(f"    when the translation matches: {translations.UPDATE_COMMAND.format(page=status.page)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/guide.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the project to work on (default: this one)")
    commands = parser.add_subparsers(dest="command", required=True)
    for function in (check, translation_status):
        name = function.__name__.replace("_", "-")
        doc = inspect.cleandoc(function.__doc__ or "")
        sub = commands.add_parser(name, help=doc.split("\n\n")[0], description=doc,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
        sub.add_argument("--root", type=Path, default=argparse.SUPPRESS,
                         help="the project to work on (default: this one)")
        sub.set_defaults(run=function)
        if function is check:
            where = sub.add_mutually_exclusive_group()
            where.add_argument("--build", action="store_true",
                               help="build the site (mkdocs build --strict) into a temporary folder and check it too")
            where.add_argument("--site", type=Path, help="also check this already built site")
            sub.add_argument("--fix", action="store_true", help="fix what can be fixed (typography) in place")
        else:
            sub.add_argument("pages", nargs="*", help="only these translations (e.g. docs/en/causes.md)")
            sub.add_argument("--update", nargs="+", metavar="PAGE",
                             help="record the current source version in these translations")
            sub.add_argument("--no-diff", action="store_true", help="name the diff command, do not print the diff")
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
