"""The checklist's texts (data/checklist.yml) follow the glossary and the typography rules too."""

from __future__ import annotations

from pathlib import Path

from guide_tools.checks import run
from tests.checks import golden


def checklist_copy(tmp_path: Path, old: str, new: str) -> Path:
    root = golden.project("checklist-id-not-in-pages", tmp_path)
    data = root / "data/checklist.yml"
    text = data.read_text(encoding="utf-8")
    assert old in text
    data.write_text(text.replace(old, new), encoding="utf-8")
    return root


def problems_in_data(root: Path) -> list[tuple[int, str, str]]:
    return [
        (p.line, p.message, p.fix)
        for p in run.check(root)
        if p.path == "data/checklist.yml" and "fees" not in p.message
    ]


def test_a_translated_entry_uses_the_glossary_term(tmp_path):
    root = checklist_copy(tmp_path, "My account balance may be too low", "My money may be too low")
    assert problems_in_data(root) == [
        (
            12,
            "checklist cause 'balance', en symptom: lacks the glossary term 'account balance' (账户余额)",
            "use 'account balance' here; data/glossary.yml:11 says: In full at first mention.",
        )
    ]


def test_chinese_typography_in_the_entries(tmp_path):
    root = checklist_copy(tmp_path, "账户余额可能不够", "账户余额可能不够(估计)")
    assert problems_in_data(root) == [
        (10, 'half-width "(" in Chinese text: "不够(估计"', 'write "不够（估计"'),
        (10, 'half-width ")" in Chinese text: "估计)"', 'write "估计）"'),
    ]
