"""Stale translations: `translation-status` in a git repository where the zh source changed after
its translation, updating the recorded version, and the notice readers of a stale page see."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from guide_tools import cli
from guide_tools.checks import translations
from guide_tools.checks.project import load_project
from guide_tools.checks.site import Site, build
from tests.checks import golden
from tests.html import read
from wallet_guide.translations.status import source_hash

ROOT = Path(__file__).resolve().parents[2]
ADDED = "支付请求发送失败时，稍后再试。"
GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
}


def git_bytes(root: Path, *args: str) -> bytes:
    return subprocess.run(["git", *args], cwd=root, env=GIT_ENV, capture_output=True, check=True).stdout


def git(root: Path, *args: str) -> str:
    return git_bytes(root, *args).decode().strip()


@pytest.fixture
def repo(tmp_path) -> Path:
    """The valid copy in git: translated, then its zh causes page gains a sentence."""
    root = golden.project("valid", tmp_path)
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", ".")
    git(root, "commit", "--quiet", "-m", "Translated")
    zh = root / "docs/zh/causes.md"
    zh.write_text(zh.read_text(encoding="utf-8") + f"\n{ADDED}\n", encoding="utf-8")
    git(root, "commit", "--quiet", "-am", "zh: one more sentence")
    return root


def test_status_lists_pages_and_prints_the_zh_diff_of_a_stale_one(capsys, repo):
    translated = git(repo, "rev-parse", "HEAD~1")
    recorded = source_hash(git_bytes(repo, "show", "HEAD~1:docs/zh/causes.md"))
    assert cli.main(["translation-status", "--root", str(repo)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"docs/en/causes.md  stale: docs/zh/causes.md changed since {recorded}"
    assert out[1] == f"    git diff {translated[:12]} -- docs/zh/causes.md"
    assert f"    +{ADDED}" in out
    assert out[-2] == "    when the translation matches: make update-translation PAGE=docs/en/causes.md"
    assert out[-1] == "docs/en/index.md   up to date"


def test_check_names_the_diff_command(capsys, repo):
    translated = git(repo, "rev-parse", "HEAD~1")
    assert cli.main(["check", "--root", str(repo)]) == 1
    problems = capsys.readouterr().out.splitlines()[:-1]
    assert len(problems) == 1
    assert problems[0].startswith("docs/en/causes.md:4: stale translation: docs/zh/causes.md changed")
    assert (
        f"(see what changed: `git diff {translated[:12]} -- docs/zh/causes.md`; translate it, then run "
        "`make update-translation PAGE=docs/en/causes.md`)" in problems[0]
    )


def test_update_rewrites_only_the_hash_line(capsys, repo):
    en = repo / "docs/en/causes.md"
    before = en.read_text(encoding="utf-8").splitlines()
    assert cli.main(["translation-status", "--root", str(repo), "--update", "docs/en/causes.md"]) == 0
    after = en.read_text(encoding="utf-8").splitlines()
    assert len(before) == len(after)
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert len(changed) == 1
    assert changed[0][0].startswith("source_hash: ") and changed[0][1].startswith("source_hash: ")
    capsys.readouterr()

    assert cli.main(["translation-status", "--root", str(repo)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "docs/en/causes.md  up to date",
        "docs/en/index.md   up to date",
    ]
    assert cli.main(["check", "--root", str(repo)]) == 0


def test_status_says_which_translations_are_missing(capsys, tmp_path):
    root = golden.project("missing-en-page", tmp_path)
    cli.main(["translation-status", "--root", str(root)])
    assert "docs/en/support.md  missing: translate docs/zh/support.md" in capsys.readouterr().out.splitlines()


def test_update_refuses_a_page_that_is_not_a_translation(capsys, repo):
    assert cli.main(["translation-status", "--root", str(repo), "--update", "docs/zh/causes.md"]) == 2
    assert "docs/zh/causes.md: docs/zh/causes.md is not a translated page" in capsys.readouterr().err


def test_update_fails_on_a_page_whose_front_matter_is_broken(capsys, repo):
    en = repo / "docs/en/causes.md"
    en.write_text(
        en.read_text(encoding="utf-8").replace("title: Common causes", 'title: "Common causes'),
        encoding="utf-8",
    )
    before = en.read_bytes()
    assert cli.main(["translation-status", "--root", str(repo), "--update", "docs/en/causes.md"]) == 2
    assert capsys.readouterr().err == (
        "docs/en/causes.md: cannot update docs/en/causes.md: its front matter is broken, "
        "docs/en/causes.md:2: the value of 'title' starts with a quote (\") that is never closed "
        '(end the value with " on the same line, or remove the opening ")\n'
    )
    assert en.read_bytes() == before


def thin_venv(where: Path) -> Path:
    """A virtual environment that sees this one's packages, so that a fresh clone's make finds
    its packages installed (its stamp file is newer than the clone's requirements*.txt) and
    installs nothing: the clone's own src/ comes first through PYTHONPATH."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True)
    purelib = Path(sysconfig.get_paths(vars={"base": str(where), "platbase": str(where)})["purelib"])
    purelib.mkdir(parents=True, exist_ok=True)
    ours = sysconfig.get_paths()["purelib"]
    (purelib / "project-venv.pth").write_text(f"import site; site.addsitedir({ours!r})\n", encoding="utf-8")
    (where / ".site-installed").touch()
    return where


def test_the_printed_update_command_works_in_a_fresh_clone(tmp_path):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", str(ROOT), str(clone))
    venv = thin_venv(tmp_path / "venv")
    # A zh fix, committed, makes its translation stale; the check prints what to run.
    zh = clone / "docs/zh/best-practices.md"
    zh.write_text(zh.read_text(encoding="utf-8") + f"\n{ADDED}\n", encoding="utf-8")
    git(clone, "commit", "--quiet", "-am", "zh: one more sentence")
    problems = translations.check(load_project(clone))
    assert [p.path for p in problems] == ["docs/en/best-practices.md"]
    command = re.search(r"then run `([^`]+)`", problems[0].fix).group(1)
    assert command == "make update-translation PAGE=docs/en/best-practices.md"

    result = subprocess.run(
        command,
        shell=True,
        cwd=clone,
        capture_output=True,
        text=True,
        env={**GIT_ENV, "VENV": str(venv), "PYTHONPATH": str(clone / "src")},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "pip install" not in result.stdout  # nothing was installed: the stamp was current
    assert "docs/en/best-practices.md: source_hash " in result.stdout
    assert translations.check(load_project(clone)) == []
    diff = git(clone, "diff", "--unified=0", "--", "docs/en/best-practices.md").splitlines()
    assert [line[0] for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))] == [
        "-",
        "+",
    ]


def test_guide_py_runs_as_a_command(tmp_path):
    # Its shebang line makes the shell run it with Python (not its docstring as shell commands).
    result = subprocess.run([str(ROOT / "scripts/guide.py"), "--help"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage: scripts/guide.py")


@pytest.fixture(scope="module")
def stale_project(tmp_path_factory) -> Path:
    return golden.project("stale-translation", tmp_path_factory.mktemp("fixture"))


@pytest.fixture(scope="module")
def stale_built(tmp_path_factory, stale_project) -> Site:
    result = build(stale_project, tmp_path_factory.mktemp("stale-site"))
    assert result.site is not None, result.messages
    return result.site


@pytest.fixture(scope="module")
def stale_site(stale_built) -> Path:
    return stale_built.root


def test_a_stale_page_tells_readers_and_links_to_the_zh_original(stale_site):
    doc = read(stale_site / "en/causes/index.html")
    assert "This translation may be out of date" in doc.article_text
    assert "The Chinese original of this page has changed since it was translated." in doc.article_text
    notice = [a for a in doc.anchors if a.get("hreflang") == "zh" and "Chinese original" in a.get("text", "")]
    assert [a["href"] for a in notice] == ["../../causes/"]
    assert (stale_site / "causes/index.html").exists()  # the link's target


def test_up_to_date_and_source_pages_have_no_notice(stale_site):
    for page in ("en/index.html", "index.html", "causes/index.html"):
        assert "wg-translation-notice" not in (stale_site / page).read_text(encoding="utf-8"), page


def test_the_notice_passes_the_built_site_checks(stale_project, stale_built):
    # Its link crosses into zh on purpose (hreflang) and resolves.
    from guide_tools.checks import links
    from guide_tools.checks.project import load_project

    assert links.check_site(load_project(stale_project), stale_built) == []
