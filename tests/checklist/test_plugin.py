"""The plugin's hooks, built directly on a small MkDocs config (no build)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from tests.languages import LANGUAGES, ROOTS
from wallet_guide.assets import asset_url
from wallet_guide.checklist.plugin import TEMPLATES, ChecklistPlugin
from wallet_guide.checklist.render import MARKER

ROOT = Path(__file__).resolve().parents[2]


def mkdocs_config(tmp_path: Path, custom_dir: Path | None = None) -> MkDocsConfig:
    config = MkDocsConfig(config_file_path=str(ROOT / "mkdocs.yml"))
    theme = {"name": "material", **({"custom_dir": str(custom_dir)} if custom_dir else {})}
    # static-i18n with the site's languages: the plugin takes them from it (wallet_guide.build_state).
    i18n = {
        "docs_structure": "folder",
        "languages": [
            {"locale": lang.code, "name": lang.name, "default": lang.is_default} for lang in LANGUAGES
        ],
    }
    config.load_dict(
        {
            "site_name": "t",
            "docs_dir": str(ROOT / "docs"),
            "site_dir": str(tmp_path / "site"),
            "theme": theme,
            "plugins": [{"i18n": i18n}],
        }
    )
    errors, _ = config.validate()
    assert errors == []
    return config


def plugin_for(config: MkDocsConfig, **options) -> ChecklistPlugin:
    plugin = ChecklistPlugin()
    errors, _ = plugin.load_config(options)
    assert errors == []
    plugin.on_config(config)
    return plugin


def page(config: MkDocsConfig, src_uri: str, lang: str) -> Page:
    """A page of docs/<lang>/, addressed as mkdocs-static-i18n does: zh at the root, en in en/."""
    file = File(src_uri, config.docs_dir, config.site_dir, use_directory_urls=True)
    if not ROOTS[lang]:  # the default language
        file.dest_uri = file.dest_uri.removeprefix(f"{lang}/")
        file.url = file._get_url(use_directory_urls=True)
    file.locale = lang
    return Page(None, file, config)


def content(plugin, config, src_uri: str, lang: str, html: str) -> str:
    return plugin.on_page_content(html, page=page(config, src_uri, lang), config=config, files=Files([]))


def test_on_config_adds_assets_and_templates_last(tmp_path):
    config = mkdocs_config(tmp_path)
    plugin_for(config)
    assert config.theme.dirs[-1] == str(TEMPLATES)
    assert asset_url("checklist.js") in config.extra_javascript
    assert asset_url("checklist.css") in config.extra_css
    plugin_for(config)  # static-i18n runs on_config once per language
    assert config.theme.dirs.count(str(TEMPLATES)) == 1
    assert config.extra_javascript.count(asset_url("checklist.js")) == 1


def test_the_checklist_page_carries_the_bare_ids_and_links_in_its_language(tmp_path):
    config = mkdocs_config(tmp_path)
    html = content(plugin_for(config), config, "en/checklist.md", "en", f"<h1>C</h1>\n{MARKER}\n")
    assert '<li class="wg-checklist__item" id="network">' in html
    assert '<a href="../causes/#network">Network connection problems</a>' in html
    assert '<a href="../solutions/#network">Check your network connection</a>' in html
    assert '<a href="../support/#wg-summary">contact customer support</a>' in html
    assert MARKER not in html


def test_another_page_gets_prefixed_ids(tmp_path):
    config = mkdocs_config(tmp_path)
    html = content(plugin_for(config), config, "zh/causes.md", "zh", f'<h2 id="network">1</h2>\n{MARKER}\n')
    assert '<li class="wg-checklist__item" id="wg-check-network">' in html
    assert '<a href="./#network">网络连接问题</a>' in html


def test_a_page_without_the_marker_is_left_alone(tmp_path):
    config = mkdocs_config(tmp_path)
    assert content(plugin_for(config), config, "zh/index.md", "zh", "<p>x</p>") == "<p>x</p>"


def test_marker_inside_a_paragraph(tmp_path):
    config = mkdocs_config(tmp_path)
    with pytest.raises(PluginError) as caught:
        content(plugin_for(config), config, "zh/causes.md", "zh", f"<p>see {MARKER}</p>")
    assert str(caught.value) == f"zh/causes.md: put {MARKER} on a line of its own, with blank lines around it"


def test_two_markers(tmp_path):
    config = mkdocs_config(tmp_path)
    with pytest.raises(PluginError) as caught:
        content(plugin_for(config), config, "zh/causes.md", "zh", f"{MARKER}\n<p>x</p>\n{MARKER}\n")
    assert str(caught.value) == f"zh/causes.md: {MARKER} appears 2 times; a page holds one checklist"


def test_ids_the_page_has_already(tmp_path):
    config = mkdocs_config(tmp_path)
    with pytest.raises(PluginError) as caught:
        content(plugin_for(config), config, "en/checklist.md", "en", f'<h2 id="balance">B</h2>\n{MARKER}\n')
    assert str(caught.value) == (
        "en/checklist.md: the page already has the ids balance, which its checklist would repeat; "
        "set anchors_page in mkdocs.yml to the page meant to carry them"
    )


def test_a_link_target_outside_the_url_contract(tmp_path):
    with pytest.raises(PluginError) as caught:
        plugin_for(mkdocs_config(tmp_path), links_support="help/")
    assert str(caught.value).startswith(
        "mkdocs.yml: wallet-guide-checklist: 'help/' is not a page of data/url-contract.yml ((home), causes/,"
    )


def test_a_mistake_in_the_data_stops_the_build(tmp_path):
    bad = tmp_path / "checklist.yml"
    bad.write_text(
        (ROOT / "data/checklist.yml").read_text(encoding="utf-8").replace("  - id: channel", "  - id: chanel")
    )
    with pytest.raises(PluginError) as caught:
        plugin_for(mkdocs_config(tmp_path), data_file=str(bad))
    assert "entry 3 (id 'chanel'): unknown id 'chanel'" in str(caught.value)


def test_a_site_override_of_the_fragment_wins(tmp_path):
    overrides = tmp_path / "overrides"
    (overrides / "fragments").mkdir(parents=True)
    (overrides / "fragments" / "checklist.html").write_text(
        "<ul>{% for i in items %}<li>{{ i.id }}</li>{% endfor %}</ul>"
    )
    config = mkdocs_config(tmp_path, custom_dir=overrides)
    html = content(plugin_for(config), config, "en/checklist.md", "en", f"{MARKER}\n")
    assert html.startswith("<ul><li>network</li><li>balance</li>")
