"""CONTRIBUTING.md's recipes, followed word for word on a copy of the guide: the check passes.
A recipe that no longer works (or a check that fails an honest edit) fails here, not on a
translator's first pull request."""

from __future__ import annotations

import re
from pathlib import Path

from guide_tools import cli
from tests.checks.test_check import guide_copy

ROOT = Path(__file__).resolve().parents[2]
RECIPE = (
    (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").split("## Add a cause", 1)[1].split("\n## ", 1)[0]
)


def edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer has {old!r}: update the recipe and this test"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(root: Path, path: str, text: str) -> None:
    with (root / path).open("a", encoding="utf-8") as file:
        file.write(text)


def test_add_a_cause_as_contributing_says(capsys, tmp_path):
    # The recipe's own example: the seventh cause, `device`.
    heading = re.search(r"`(## 7\. 设备问题 \{#device\})`", RECIPE)
    assert heading, "CONTRIBUTING.md's 'Add a cause' no longer gives the example heading"
    root = guide_copy(tmp_path)

    # 1. The zh pages, and the description's count.
    append(
        root,
        "docs/zh/causes.md",
        f"\n{heading[1]}\n\n设备故障也会导致支付失败。\n\n解决方法：[7. 检查设备](solutions.md#device)\n",
    )
    append(
        root,
        "docs/zh/solutions.md",
        "\n## 7. 检查设备 {#device}\n\n检查设备是否正常。\n\n对应原因：[7. 设备问题](causes.md#device)\n",
    )
    edit(root, "docs/zh/causes.md", "六类常见原因", "七类常见原因")
    edit(root, "docs/zh/causes.md", "和应用软件问题。", "、应用软件问题和设备问题。")
    # 2. The en pages, then `make update-translation`.
    append(
        root,
        "docs/en/causes.md",
        "\n## 7. Device problems {#device}\n\nA faulty device can also make a payment fail.\n\nFix: [7. Check your device](solutions.md#device)\n",
    )
    append(
        root,
        "docs/en/solutions.md",
        "\n## 7. Check your device {#device}\n\nCheck that your device works.\n\nCause: [7. Device problems](causes.md#device)\n",
    )
    edit(root, "docs/en/causes.md", "six common causes", "seven common causes")
    edit(root, "docs/en/causes.md", "delays and app problems.", "delays, app problems and device problems.")
    for page in ("docs/en/causes.md", "docs/en/solutions.md"):
        assert cli.main(["translation-status", "--root", str(root), "--update", page]) == 0
    # 3. The URL contract: device in the ids of causes/, solutions/ and checklist/.
    contract = root / "data/url-contract.yml"
    contract.write_text(
        contract.read_text(encoding="utf-8").replace(
            "institution-delay, app-version]", "institution-delay, app-version, device]"
        ),
        encoding="utf-8",
    )
    assert contract.read_text(encoding="utf-8").count("app-version, device]") == 3
    # 4. The checklist entry, with the fields the recipe lists.
    for field in ("symptom", "summary"):
        assert f"{field}: …" in RECIPE
    # After the last cause's entry: the file goes on with the guided flow's questions.
    edit(
        root,
        "data/checklist.yml",
        "\nquestions:",
        "\n  - id: device\n"
        "    zh:\n      symptom: 设备可能有故障\n      summary: 检查设备是否正常。\n"
        "    en:\n      symptom: My device may be faulty\n      summary: Check that your device works.\n"
        "\nquestions:",
    )
    # ... and an answer of the guided flow that leads to it.
    assert "{id: device-fault, to: device, zh: …, en: …}" in RECIPE
    edit(
        root,
        "data/checklist.yml",
        "      - {id: none-of-these,",
        "      - {id: device-fault, to: device, zh: 设备可能有故障, en: My device may be faulty}\n"
        "      - {id: none-of-these,",
    )
    capsys.readouterr()

    # 5. `make check`.
    code = cli.main(["check", "--root", str(root), "--build"])
    out = capsys.readouterr().out.splitlines()
    assert (code, out[:-1]) == (0, []), "\n".join(out)
