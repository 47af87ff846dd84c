"""What a build reads is read once per build, not once per language pass or per page: the
checklist (its plugin and the content API share one reading), the generated languages' recipes
(asked for on every page). A new build, as `mkdocs serve` makes one after an edit, reads again."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config

from tests.checks.test_check import guide_copy
from wallet_guide import build_state
from wallet_guide.checklist import plugin as checklist_plugin

ROOT = Path(__file__).resolve().parents[1]


def config_of(root: Path):
    """A build's config, as MkDocs loads it for `mkdocs build` and for each `mkdocs serve` rebuild."""
    return load_config(str(root / "mkdocs.yml"))


def checklist_of(config):
    return checklist_plugin.load_site_checklist(config, config.plugins["wallet-guide-checklist"].config)[0]


def test_the_checklist_is_read_once_per_build_and_again_after_an_edit(tmp_path, monkeypatch):
    root = guide_copy(tmp_path)
    reads = []
    read = checklist_plugin._read_site_checklist
    monkeypatch.setattr(checklist_plugin, "_read_site_checklist", lambda *a: reads.append(1) or read(*a))
    config = config_of(root)
    first = checklist_of(config)
    assert checklist_of(config) is first  # the content API, a language pass: the same reading
    assert len(reads) == 1

    cause = first.causes[0]
    replace(
        root / "data/checklist.yml", f"symptom: {cause.texts['zh'].symptom}\n", "symptom: 支付时网络断了\n"
    )
    replace(
        root / "docs/en/solutions.md", f" {cause.texts['en'].fix} {{#{cause.id}}}", f" Edited {{#{cause.id}}}"
    )
    edited = checklist_of(config_of(root))  # the next build
    assert len(reads) == 2
    assert (edited.causes[0].texts["zh"].symptom, edited.causes[0].texts["en"].fix) == (
        "支付时网络断了",
        "Edited",
    )


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path} has {old!r} {text.count(old)} times"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_recipes_of_the_generated_languages_are_read_once_per_build(monkeypatch):
    config = config_of(ROOT)
    calls = []
    regions = build_state._regions
    monkeypatch.setattr(build_state, "_regions", lambda c: calls.append(1) or regions(c))
    languages = build_state.languages(config)
    generated = build_state.generated_languages(config)
    for _ in range(100):  # every plugin asks on every page
        assert (build_state.languages(config), build_state.generated_languages(config)) == (
            languages,
            generated,
        )
    assert len(calls) == 1
    assert generated  # the guide has generated languages: the recipes were read
    build_state.languages(config_of(ROOT))  # a new build
    assert len(calls) == 2


def test_the_checklist_fragments_are_compiled_once_per_build():
    config = config_of(ROOT)
    plugin = config.plugins["wallet-guide-checklist"]
    plugin.on_config(config)  # the outer build: the default language's pass
    env = plugin.env
    i18n = build_state.i18n_plugin(config)
    i18n.building = True  # static-i18n's nested pass of another language
    try:
        plugin.on_config(config)
    finally:
        i18n.building = False
    assert plugin.env is env  # its compiled templates are kept for the next pass
