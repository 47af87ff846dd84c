"""`scripts/guide.py`: the guide's one command line (Typer), which the Makefile calls. Each
sub-command is a few lines over a function of this package; `scripts/guide.py <command> --help`
explains it. Translators only ever type the `make` commands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

from guide_tools import PROJECT_ROOT, commands

PROG = "scripts/guide.py"

app = typer.Typer(
    help="The guide's chores: checks, translations, benchmarks, audits, screenshots.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

Root = Annotated[Path, typer.Option(help="the project to work on (default: this one)", show_default=False)]


@app.command()
def check(
    root: Root = PROJECT_ROOT,
    build: Annotated[
        bool,
        typer.Option(
            "--build", help="build the site (mkdocs build --strict) into a temporary folder and check it too"
        ),
    ] = False,
) -> None:
    """Check the pages and (--build) the built site: `make check`.

    Prints every problem as `path:line: message (how to fix it)`, and as GitHub annotations when
    GITHUB_ACTIONS is set. Rules: every zh page has its en page and back, and the nav lists them;
    both languages have the same headings in the same order with the same explicit {#ids}; links
    and #anchors resolve, and a page links into the other language only with {: hreflang=…};
    front matter follows data/schemas/front-matter.schema.json; the checklist, the glossary and
    the reader vocabulary agree with the pages; Chinese typography; no address or id of
    data/url-contract.yml disappears; no translation is stale. Exits 1 when there is any error.
    """
    raise typer.Exit(commands.check(root, build=build))


@app.command()
def fix(root: Root = PROJECT_ROOT) -> None:
    """Fix what can be fixed (Chinese typography) in place, then check: `make fix`.

    Exits 0 when nothing is left to fix by hand (review the change with `git diff`). A
    translation that matched its source before still does.
    """
    raise typer.Exit(commands.check(root, fix=True))


@app.command("translation-status")
def translation_status(
    pages: Annotated[
        list[str] | None,
        typer.Argument(help="only these translations (e.g. docs/en/causes.md)", show_default=False),
    ] = None,
    update: Annotated[
        bool,
        typer.Option(
            "--update", help="record the current source version in these PAGES (make update-translation)"
        ),
    ] = False,
    no_diff: Annotated[
        bool, typer.Option("--no-diff", help="name the diff command, do not print the diff")
    ] = False,
    root: Root = PROJECT_ROOT,
) -> None:
    """List each translation as up to date, stale (with its source's diff since), missing or
    untracked: `make translation-status`.

    With --update PAGE…, record that the translations match their zh source again (rewrites
    only their source_hash line): `make update-translation PAGE=docs/en/<page>.md`.
    """
    if update and not pages:
        raise typer.BadParameter("--update needs the pages to update, e.g. docs/en/causes.md")
    if update:
        raise typer.Exit(commands.translation_status(root, update=pages))
    raise typer.Exit(commands.translation_status(root, pages=pages, no_diff=no_diff))


@app.command()
def bench(
    scale: Annotated[
        int, typer.Option(metavar="N", help="measure a generated site N times larger instead (e.g. 10, 100)")
    ] = 1,
    budget: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE", help="exit 1 when a figure goes over its budget in FILE (data/budgets.yml)"
        ),
    ] = None,
    site_dir: Annotated[Path, typer.Option(help="where to build the site")] = PROJECT_ROOT / "site",
    json: Annotated[bool, typer.Option("--json", help="print the figures as JSON")] = False,
) -> None:
    """Build and print build time, first-visit weight per page, search sizes: `make bench`."""
    from guide_tools.bench import bench as run_bench

    raise typer.Exit(run_bench(site_dir, scale=scale, budget=budget, as_json=json))


@app.command()
def scale(
    factor: Annotated[int, typer.Argument(metavar="N", help="how many times larger")],
    out: Annotated[Path, typer.Option(help="the folder to write (replaced)")] = PROJECT_ROOT
    / ".bench"
    / "project",
) -> None:
    """Write the generated site N times larger that `make bench SCALE=N` builds, to look at."""
    from guide_tools.scale import generate

    print(f"{generate(out, factor)}: build it with `mkdocs build -f` this file")


@app.command("search-eval")
def search_eval(
    set_file: Annotated[
        list[Path] | None,
        typer.Option(
            "--set", metavar="FILE", help="also run this query file (repeatable)", show_default=False
        ),
    ] = None,
    only: Annotated[
        list[str] | None, typer.Option(help="run only this set, by name (repeatable)", show_default=False)
    ] = None,
    json: Annotated[bool, typer.Option("--json", help="print every query's results as JSON")] = False,
    each: Annotated[
        bool,
        typer.Option("--each", help="also each mechanism alone (cross, colloquial, ranking), side by side"),
    ] = False,
) -> None:
    """Where our search ranks the right section, typed into the real search box: `make search-eval`.

    Prints first / top-3 per query set (data/search-eval/*.yml, and --set files) and language.
    """
    from guide_tools.search_eval import evaluate

    raise typer.Exit(evaluate(set_file or [], only, json, each))


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def audit(context: typer.Context) -> None:
    """Run the whole-site audits (valid HTML, accessibility, Lighthouse): `make audit`.

    They are the tests marked `audit`; extra arguments go to pytest (e.g. -x).
    """
    command = [sys.executable, "-m", "pytest", "-m", "audit", *context.args]
    raise typer.Exit(subprocess.run(command, cwd=PROJECT_ROOT).returncode)


@app.command()
def lighthouse(
    urls: Annotated[
        list[str] | None, typer.Argument(help="pages to audit (none: build and audit ours)")
    ] = None,
) -> None:
    """Run Lighthouse (mobile profile) and print each page's scores: on these addresses, or with
    none on the site built for a local origin, every audited page (`make bench-lighthouse`)."""
    from guide_tools.lighthouse import bench, run_many

    if not urls:
        bench()
        return
    for report in run_many(urls):
        print(report.line())


@app.command()
def screenshots(
    out: Annotated[Path, typer.Option(help="where to save the PNGs")] = PROJECT_ROOT / "screenshots",
    lang: Annotated[list[str] | None, typer.Option(help="only this language (repeatable)")] = None,
    support_channels: Annotated[
        Path | None,
        typer.Option(
            help="build with this support-channels file, e.g. tests/checklist/fixtures/support-channels.yml"
        ),
    ] = None,
) -> None:
    """Save phone-width screenshots (every language, light/dark) for reviewers: `make screenshots`."""
    from guide_tools.screenshots import screenshots as shoot

    shoot(out, lang, support_channels)


@app.command("embed-release")
def embed_release(
    directory: Annotated[Path, typer.Argument(help="the built site that is deployed, e.g. site")] = Path(
        "site"
    ),
    archive: Annotated[Path, typer.Option(help="where releases are kept")] = Path("data/embed-releases"),
    live: Annotated[
        str | None,
        typer.Option(
            help="instead: the live site's address; keep every release it publishes (before a deploy)"
        ),
    ] = None,
) -> None:
    """Keep immutable embed.js releases (embed/v1/immutable/embed.<hash>.js) in ``archive``, which
    every build publishes again for the portals that pinned them: the deployed build's (commit
    the new file), or with --live every release the live site lists in its hashes.json (the
    deploy workflow runs this before building, so a deploy never drops one)."""
    import json
    from urllib.error import HTTPError
    from urllib.request import urlopen

    from wallet_guide.embed.host_script import HASHES, Release

    archive.mkdir(parents=True, exist_ok=True)
    if live is None:
        current = json.loads((directory / HASHES).read_text(encoding="utf-8"))["current"]
        releases = [Release((directory / current).read_bytes().decode("utf-8"))]
    else:
        base = live.rstrip("/") + "/"
        try:
            with urlopen(base + HASHES) as response:
                listed = json.loads(response.read())["files"]
        except HTTPError as error:
            if error.code != 404:
                raise
            typer.echo(f"{base}{HASHES}: not published yet (a first deploy): nothing to keep")
            return
        releases = []
        for entry in listed:
            with urlopen(entry["url"]) as response:
                release = Release(response.read().decode("utf-8"))
            if entry["path"].rsplit("/", 1)[-1] != release.name:
                raise typer.BadParameter(
                    f"{entry['url']}: its content does not match its name ({release.name})"
                )
            releases.append(release)
    for release in releases:
        target = archive / release.name
        if target.exists():
            typer.echo(f"{target} is already kept")
        else:
            target.write_text(release.content, encoding="utf-8")
            typer.echo(f"kept {target}")


@app.command()
def serve(
    config_file: Annotated[Path, typer.Option(help="the mkdocs.yml to serve")] = PROJECT_ROOT / "mkdocs.yml",
    dev_addr: Annotated[str, typer.Option(help="host:port")] = "127.0.0.1:8000",
    watch: Annotated[list[str] | None, typer.Option(help="more folders to watch")] = None,
) -> None:
    """`make serve`: MkDocs' live-reload server; a failed build shows the check's messages in
    the browser too."""
    from guide_tools import serve as server

    server.serve(config_file, dev_addr, watch or [])


@app.command("serve-built")
def serve_built(
    directory: Annotated[Path, typer.Argument(help="a built site, e.g. site")],
    port: int = 8000,
    headers: Annotated[
        bool,
        typer.Option("--headers", help="apply the site's _headers file, as Netlify and Cloudflare Pages do"),
    ] = False,
) -> None:
    """Serve a built site as a real host does (gzip, 404 pages, cache headers)."""
    from guide_tools.static_server import serve_forever

    serve_forever(directory, port, apply_headers=headers)


def main(argv: list[str] | None = None) -> int:
    """Run one command as `scripts/guide.py` would, returning its exit code (for the tests)."""
    command = typer.main.get_command(app)
    try:
        result = command.main(args=argv, prog_name=PROG, standalone_mode=False)
    except typer.Exit as done:
        return done.exit_code
    return result if isinstance(result, int) else 0
