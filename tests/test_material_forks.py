"""Our copies of Material's templates (overrides/) were made from one version of Material: each
names, in its leading comment, the upstream file and its sha256. An upgrade that changes one of
them fails here, saying which fork to re-check, before the site quietly loses Material's change
or our own."""

from __future__ import annotations

import hashlib
import re
from importlib.metadata import version
from pathlib import Path

import pytest

from wallet_guide.theme.material import bundle_path, theme_dir

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "overrides"
UPSTREAM = re.compile(
    r"^  Upstream: Material (?P<version>\S+) (?P<path>\S+) sha256:(?P<digest>[0-9a-f]{16}) ", re.M
)
MATERIAL = theme_dir()

FORKS = sorted(path.relative_to(OVERRIDES).as_posix() for path in OVERRIDES.rglob("*.html"))


def upstream_of(fork: str) -> list[re.Match[str]]:
    text = (OVERRIDES / fork).read_text(encoding="utf-8")
    comment = text[: text.find("-#}")] if text.startswith("{#-") else ""
    return list(UPSTREAM.finditer(comment))


@pytest.mark.parametrize("fork", [f for f in FORKS if (MATERIAL / f).is_file()])
def test_every_template_that_shadows_materials_names_its_upstream(fork):
    named = [match["path"] for match in upstream_of(fork)]
    assert fork in named, (
        f"overrides/{fork} replaces Material's {fork}: start its comment with the line "
        f"'  Upstream: Material {version('mkdocs-material')} {fork} sha256:<first 16 hex digits> "
        "(tests/test_material_forks.py)' and say what differs from it"
    )


@pytest.mark.parametrize("fork", [f for f in FORKS if upstream_of(f)])
def test_materials_upstream_files_are_those_the_forks_were_made_from(fork):
    installed = version("mkdocs-material")
    for match in upstream_of(fork):
        source = MATERIAL / match["path"]
        assert source.is_file(), f"overrides/{fork}: Material {installed} has no {match['path']} any more"
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
        assert digest == match["digest"], (
            f"Material's {match['path']} changed ({match['version']} -> {installed}) since "
            f"overrides/{fork} was made from it: diff it with the {match['version']} version, carry "
            f"Material's changes into the fork, keep the differences its comment lists, then set "
            f"'Material {installed} {match['path']} sha256:{digest}' in the comment."
        )


def test_materials_bundle_is_found_in_the_installed_theme():
    path = bundle_path()
    assert (MATERIAL / path).is_file()
    assert path in (MATERIAL / "base.html").read_text(encoding="utf-8"), (
        "Material's base.html no longer loads the bundle found: see wallet_guide/theme/material.py"
    )


def test_a_theme_without_its_bundle_stops_the_build_with_what_to_check(tmp_path):
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match=r"assets/javascripts/bundle\.\*\.min\.js.*found none.*base\.html"):
        bundle_path(tmp_path)


ASSETS = sorted((ROOT / "src" / "wallet_guide").glob("*/assets/*.js"))
DOM_CONTENT_LOADED = re.compile(r"""addEventListener\(\s*["']DOMContentLoaded["'](?P<rest>[^;]*)""")


@pytest.mark.parametrize("asset", ASSETS, ids=lambda path: path.name)
def test_our_dom_content_loaded_listeners_run_once(asset):
    """material-loader.js dispatches DOMContentLoaded again for the lazily loaded bundle: a
    listener of ours without {once: true} would start a second time."""
    for match in DOM_CONTENT_LOADED.finditer(asset.read_text(encoding="utf-8")):
        assert re.search(r"\{\s*once:\s*true\s*\}", match["rest"]), (
            f"{asset.relative_to(ROOT)}: listen for DOMContentLoaded with {{ once: true }}"
        )
