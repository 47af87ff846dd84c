"""`make check`'s rule for the generated languages' overrides (guide_tools.checks.conversion)."""

from __future__ import annotations

from pathlib import Path

from guide_tools.checks.conversion import check_root

ROOT = Path(__file__).resolve().parents[2]


def project(tmp_path: Path, overrides: str) -> Path:
    (tmp_path / "docs" / "zh").mkdir(parents=True)
    (tmp_path / "docs" / "zh" / "causes.md").write_text("## 1. 网络连接问题 {#network}\n", encoding="utf-8")
    (tmp_path / "data" / "conversion").mkdir(parents=True)
    (tmp_path / "data" / "conversion" / "zh-tw.yml").write_text(
        f"source: zh\nopencc: s2twp\noverrides:\n{overrides}", encoding="utf-8"
    )
    return tmp_path


def test_the_repository_overrides_all_apply():
    assert check_root(ROOT) == []


def test_an_override_whose_phrase_vanished_fails_with_file_line_and_fix(tmp_path):
    root = project(tmp_path, "  网络连接: 網路連線\n  数字钱包: 數位錢包\n")
    [problem] = check_root(root)
    assert (problem.path, problem.line, problem.severity) == ("data/conversion/zh-tw.yml", 5, "error")
    assert problem.message.startswith(
        "override 数字钱包 → 數位錢包: «数字钱包» no longer occurs in the zh source"
    )
    assert problem.fix == "remove this entry, or key it by the zh wording that replaced «数字钱包»"


def test_a_broken_region_file_is_a_problem_on_its_line(tmp_path):
    root = project(tmp_path, "  网络: [網路]\n")
    [problem] = check_root(root)
    assert (problem.path, problem.line) == ("data/conversion/zh-tw.yml", 4)
    assert "both sides must be non-empty texts" in problem.message


def test_translation_status_says_generated_languages_cannot_go_stale(capsys):
    from guide_tools import cli

    assert cli.main(["translation-status", "--root", str(ROOT), "--no-diff"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        "zh-tw (繁體中文（台灣）): generated from zh at every build (data/conversion/zh-tw.yml); "
        "never stale, no source_hash to update" in out
    )
    assert not [line for line in out if line.startswith("docs/zh-tw/") or line.startswith("docs/zh-hk/")]
