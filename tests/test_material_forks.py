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


LOADER = "src/wallet_guide/theme/assets/material-loader.js"


def bundle_contract_breaches(bundle: str) -> list[str]:
    """What material-loader.js relies on in Material's bundle and no longer finds there: it
    publishes document$ by assigning window.document$ (the loader's setter adopts it), made by
    a factory that emits `document` on DOMContentLoaded (which the loader dispatches again for a
    late bundle) into a subject that replays the current page (the loader skips that replay)."""
    published = re.findall(r"window\.document\$=([\w$]+)[;,]", bundle)
    if len(published) != 1:
        return [f"window.document$ is assigned {len(published)} times, not once"]
    made = re.search(rf"[\s,;]{re.escape(published[0])}=([\w$]+)\(\)[,;]", bundle)
    if not made:
        return [f"document$ ({published[0]}) is not made by a factory call"]
    body = re.search(rf"function {re.escape(made[1])}\(\)\{{(.*?)\}}(?:function|var|let|const)", bundle)
    if not body:
        return [f"document$'s factory {made[1]}() is not found"]
    breaches = []
    if 'document,"DOMContentLoaded"' not in body[1]:
        breaches.append("document$ no longer starts on document's DOMContentLoaded")
    if ".next(document)" not in body[1]:
        breaches.append("document$ no longer emits `document`")
    if not re.search(r"new [\w$]+\(1\)", body[1]):
        breaches.append("document$ is no longer a subject replaying the last page (ReplaySubject(1))")
    if re.search(r"defineProperty\(window,\s*\"document\$\"", bundle):
        breaches.append("the bundle defines window.document$ as a property (the loader's setter is bypassed)")
    return breaches


def test_materials_bundle_publishes_document_as_material_loader_expects():
    breaches = bundle_contract_breaches((MATERIAL / bundle_path()).read_text(encoding="utf-8"))
    assert not breaches, (
        f"Material {version('mkdocs-material')}'s bundle changed how it publishes document$ "
        f"({'; '.join(breaches)}): {LOADER} intercepts it to load the bundle on the first "
        "interaction; read the bundle's src/templates/assets/javascripts/bundle.ts and "
        "browser/document, then update the loader (instant navigation and the palette toggle "
        "depend on it) and this test"
    )


# The contract as Material 9.8.1's bundle writes it, minified names and all.
BUNDLE_9_8_1 = (
    'function an(){let e=new It(1);return h(document,"DOMContentLoaded",{once:!0}).subscribe(()=>'
    "e.next(document)),e}function M(e){return e}var ct=an(),Kt=bn();window.document$=ct;window.location$=Kt;"
)


@pytest.mark.parametrize(
    ("changed", "to", "breach"),
    [
        ("window.document$=ct;", 'Object.assign(window,{"document$":ct});', "assigned 0 times"),
        ('h(document,"DOMContentLoaded"', 'h(window,"load"', "DOMContentLoaded"),
        ("e.next(document)", "e.next(window)", "emits `document`"),
        ("new It(1)", "new St", "ReplaySubject"),
    ],
)
def test_the_bundle_contract_check_sees_each_change(changed, to, breach):
    """A positive control: the check passes 9.8.1's contract and names each part edited."""
    assert bundle_contract_breaches(BUNDLE_9_8_1) == []
    breaches = bundle_contract_breaches(BUNDLE_9_8_1.replace(changed, to))
    assert any(breach in text for text in breaches), breaches
