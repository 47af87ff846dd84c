"""The embed plugin's pure parts: the allow-list, the _headers file, the API's sections,
embed.js's settings, and the configuration error a reader sees."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.conftest import run_build
from wallet_guide.embed.api import embed_url, split_sections
from wallet_guide.embed.config import EmbedConfig
from wallet_guide.embed.headers import render_headers
from wallet_guide.embed.host_script import (
    Release,
    ReleaseError,
    archived_releases,
    hashes_document,
    releases_to_publish,
    render_host_script,
    typed_declarations,
    without_comment,
)
from wallet_guide.embed.origins import OriginError, normalize_origin, parse_origins
from wallet_guide.embed.plugin import ASSETS
from wallet_guide.html_text import plain_text
from wallet_guide.settings import published_settings, with_settings


@pytest.mark.parametrize(
    "value,origin",
    [
        ("https://support.example.com", "https://support.example.com"),
        ("HTTPS://Support.Example.COM", "https://support.example.com"),
        ("https://support.example.com:443", "https://support.example.com"),
        ("http://127.0.0.1:8001", "http://127.0.0.1:8001"),
        ("http://localhost:80", "http://localhost"),
        ("https://[::1]:8443", "https://[::1]:8443"),
        ("  https://help.example.org  ", "https://help.example.org"),
    ],
)
def test_an_origin_is_written_as_browsers_write_it(value, origin):
    assert normalize_origin(value) == origin


@pytest.mark.parametrize(
    "value,message",
    [
        ("https://support.example.com/help", "remove '/help'"),
        ("https://support.example.com/", "remove '/'"),
        ("https://support.example.com?x=1", "remove '?x=1'"),
        ("support.example.com", "must start with https://"),
        ("ftp://support.example.com", "must start with https://"),
        ("*", "wildcard"),
        ("'self'", "always allowed"),
        ("https://user:secret@support.example.com", "user name"),
        ("https://support.example.com:http", "port"),
        ("https://bad_host.example.com", "not a host name"),
        ("", "not an origin"),
        (42, "not an origin"),
    ],
)
def test_a_value_that_is_not_an_origin_is_refused_with_the_fix(value, message):
    with pytest.raises(OriginError, match="(?i)" + message.replace("?", r"\?").replace("*", r"\*")):
        normalize_origin(value)


def test_the_list_comes_from_yaml_or_from_one_environment_string():
    assert parse_origins(["https://a.example", "https://A.example:443"]) == ["https://a.example"]
    assert parse_origins("https://a.example, http://localhost:8001 https://b.example") == [
        "https://a.example",
        "http://localhost:8001",
        "https://b.example",
    ]
    assert parse_origins("") == [] and parse_origins(None) == []
    with pytest.raises(OriginError, match="list of origins"):
        parse_origins({"a": 1})


def test_config_error_names_mkdocs_yml_the_option_and_the_bad_value():
    config = EmbedConfig()
    config.load_dict({"embed_allowed_origins": ["https://ok.example", "https://portal.example/help"]})
    errors, _ = config.validate()
    assert len(errors) == 1
    name, error = errors[0]
    assert name == "embed_allowed_origins"
    assert "mkdocs.yml" in str(error) and "EMBED_ALLOWED_ORIGINS" in str(error)
    assert "'https://portal.example/help'" in str(error) and "https://portal.example" in str(error)


@pytest.mark.parametrize(
    "value,message",
    [
        ("https://ok.example,*", "'*' is not allowed"),
        # Alone, `*` is a YAML alias: read through mkdocs.yml's !ENV it stopped the build with a
        # YAML traceback. The plugin reads the variable itself.
        ("*", "'*' is not allowed"),
        ("https://portal.example/help", "remove '/help'"),
        ('"https://portal.example"', "must start with https://"),
    ],
)
def test_a_bad_origin_in_the_environment_stops_the_build_with_the_value_and_the_fix(tmp_path, value, message):
    result = run_build(tmp_path / "site", env={"EMBED_ALLOWED_ORIGINS": value})
    assert result.returncode != 0
    assert "Traceback" not in result.log and "yaml" not in result.log.lower()
    assert "EMBED_ALLOWED_ORIGINS" in result.log and repr(value) in result.log
    assert message in result.log


def test_headers_follow_the_allow_list_and_the_sites_base_path():
    text = render_headers(
        ["https://a.example", "http://b.example:8080"], "https://docs.example.org/guide/", "api/v1"
    )
    lines = text.splitlines()
    assert "/guide/*" in lines and "/guide/api/v1/*" in lines
    assert (
        "  Content-Security-Policy: frame-ancestors 'self' https://a.example http://b.example:8080" in lines
    )
    assert render_headers([], None, "api/v1").splitlines()[2] == (
        "  Content-Security-Policy: frame-ancestors 'self'"
    )


HTML = """<h1 id="title">Title<a class="headerlink" href="#title" title="Link">&para;</a></h1>
<p>Intro with <a href="../other/#x">a link</a>.</p>
<h2 id="first">First</h2>
<p>One.</p>
<details class="note"><summary>More</summary>
<h3 id="inside">Inside a block</h3>
<p>Hidden <img alt="" src="img/a.png"> text.</p>
</details>
<h3 id="sub">Sub</h3>
<ul><li>Item</li><li>Other</li></ul>
<h2 id="second">Second</h2>
<p>Two &amp; <em>more</em>.</p>"""


def test_sections_are_cut_at_top_level_headings_only():
    sections = split_sections(HTML, "https://g.example/en/page/")
    assert [(s.id, s.level, s.title) for s in sections] == [
        ("title", 1, "Title"),
        ("first", 2, "First"),
        ("sub", 3, "Sub"),
        ("second", 2, "Second"),
    ]
    first = sections[1]
    assert first.text == "One. More Inside a block Hidden text."
    assert first.html.startswith("<p>One.</p>") and first.html.endswith("</details>")
    assert 'src="https://g.example/en/page/img/a.png"' in first.html
    assert 'href="https://g.example/en/other/#x"' in sections[0].html
    assert sections[2].text == "Item Other"
    assert sections[3].text == "Two & more."
    assert "headerlink" not in sections[0].html + sections[0].title


def test_plain_text_and_embed_urls():
    assert plain_text("<p>a</p><p>b<script>x()</script></p>") == "a b"
    assert embed_url("https://g.example/causes/") == "https://g.example/causes/?embed=1"
    assert embed_url("https://g.example/causes/#x", "balance") == (
        "https://g.example/causes/?embed=1&section=balance"
    )


def test_embed_js_runs_unchanged_with_its_settings():
    source = (ASSETS / "embed.js").read_text(encoding="utf-8")
    languages = {"zh": {"root": "", "name": "指南"}, "de": {"root": "de/", "name": "Leitfaden"}}
    out = render_host_script(
        source, languages=languages, paths=["embed/v1/embed.js"], site_url="https://g.example/"
    )
    code = "\n".join(
        without_comment(line) for line in source.splitlines() if not line.lstrip().startswith("//")
    )
    assert code.rstrip() in out, "the source is published inside the wrapper, its code unchanged"
    assert without_comment("  f(); // why") == "  f();"
    assert without_comment('  const a = "x // y";') == '  const a = "x // y";', "a // inside a string stays"
    assert "// Messages the guide sends" in source and "// Messages the guide sends" not in out, (
        "without its whole-line comments (every portal page downloads it)"
    )
    assert "SETTINGS.languages" in source and "const LANGUAGES = {" not in source
    assert published_settings(out) == {
        "languages": languages,
        "paths": ["embed/v1/embed.js"],
        "immutable": "embed/v1/immutable/",
        "site": "https://g.example/",
    }


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js (make system-packages)")
def test_a_wrapped_file_sees_its_settings_and_adds_no_global():
    """Run as a classic script twice (a portal may load embed.js twice): no redeclaration."""
    published = with_settings(
        '"use strict";\nglobalThis.seen = (globalThis.seen || []).concat(SETTINGS.name);', {"name": "指南"}
    )
    script = (
        f"const vm = require('vm'); const box = {{}}; vm.createContext(box);"
        f"for (let i = 0; i < 2; i++) vm.runInContext({json.dumps(published)}, box);"
        "console.log(JSON.stringify([box.seen, typeof box.SETTINGS]));"
    )
    result = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == [["指南", "指南"], "undefined"]


def test_an_api_file_that_breaks_its_schema_stops_the_build(tmp_path):
    from mkdocs.exceptions import PluginError

    from wallet_guide.embed.plugin import EmbedPlugin

    schema = {"type": "object", "required": ["pages"], "properties": {"version": {"const": 1}}}
    with pytest.raises(
        PluginError, match=r"api/v1/en/pages.json does not match .*api-pages.schema.json"
    ) as error:
        EmbedPlugin().write_json(tmp_path, "en", "pages", {"version": 2}, schema)
    assert "'pages' is a required property" in str(error.value)
    assert "version: 1 was expected" in str(error.value)
    assert not (tmp_path / "api").exists(), "nothing is written"


def test_headers_give_embed_files_cors_a_text_type_and_the_immutable_ones_a_years_cache():
    text = render_headers(
        [],
        "https://docs.example.org/guide/",
        "api/v1",
        embed_dir="embed",
        types="embed/v1/embed.d.ts",
        immutable_dir="embed/v1/immutable",
    )
    blocks = text.split("\n/")
    assert "guide/embed/*\n  Access-Control-Allow-Origin: *" in blocks
    assert "guide/embed/v1/embed.d.ts\n  Content-Type: text/plain; charset=utf-8" in blocks
    assert "guide/embed/v1/immutable/*\n  Cache-Control: public, max-age=31536000, immutable\n" in blocks


def test_archived_releases_are_published_again_beside_this_builds(tmp_path):
    """A portal pinned an earlier deploy's embed.js: the next build (another SITE_URL, other
    texts) still serves it at its address and lists it in hashes.json."""
    earlier = Release("/* an earlier deploy's embed.js */\n")
    (tmp_path / earlier.name).write_text(earlier.content, encoding="utf-8")
    current, published = releases_to_publish(archived_releases(tmp_path), "/* this build's */\n")
    assert [r.name for r in published] == [earlier.name, current.name]
    assert current.path == f"embed/v1/immutable/{current.name}"
    listed = json.loads(hashes_document(published, current, "https://g.example/"))
    assert listed["current"] == current.path
    assert [(f["url"], f["integrity"], f["current"]) for f in listed["files"]] == [
        (f"https://g.example/{earlier.path}", earlier.integrity, False),
        (f"https://g.example/{current.path}", current.integrity, True),
    ]
    # This build's file already archived (the deploy after `embed-release`): published once.
    assert releases_to_publish([current], current.content)[1] == [current]


def test_an_archived_release_that_changed_stops_the_build_with_the_fix(tmp_path):
    release = Release("/* published */\n")
    (tmp_path / release.name).write_text("/* edited after publishing */\n", encoding="utf-8")
    with pytest.raises(
        ReleaseError,
        match=rf"{release.name}: its content's hash names it embed\.[0-9a-f]{{16}}\.js.*git checkout",
    ):
        archived_releases(tmp_path)
    (tmp_path / release.name).unlink()
    (tmp_path / "embed.js").write_text("x", encoding="utf-8")
    with pytest.raises(ReleaseError, match=r"embed\.js: not an archived embed\.js name.*embed-release"):
        archived_releases(tmp_path)


def test_the_declared_language_union_is_written_from_the_sites_languages():
    source = (ASSETS / "embed.d.ts").read_text(encoding="utf-8")
    out = typed_declarations(source, ["zh", "zh-tw", "zh-hk", "en"])
    assert 'export type WalletGuideLanguage = "zh" | "zh-tw" | "zh-hk" | "en";' in out.splitlines()
    with pytest.raises(ValueError, match="WalletGuideLanguage"):
        typed_declarations("export type Other = 1;", ["zh"])


def test_embed_release_keeps_every_release_the_live_site_lists(tmp_path):
    """Before a deploy: the live site's releases (its hashes.json) are kept, so the new build
    publishes them again; a first deploy (no hashes.json yet) keeps nothing and goes on."""
    from guide_tools import static_server
    from guide_tools.cli import main

    live = tmp_path / "live"
    release = Release("/* deployed last week */\n")
    (live / "embed" / "v1" / "immutable").mkdir(parents=True)
    (live / release.path).write_text(release.content, encoding="utf-8")
    server, url = static_server.start(live)
    try:
        archive = tmp_path / "archive"
        assert main(["embed-release", "--live", url, "--archive", str(archive)]) == 0
        assert not list(archive.glob("*.js")), "no hashes.json: a first deploy"
        (live / "embed" / "v1" / "hashes.json").write_text(
            hashes_document([release], release, url), encoding="utf-8"
        )
        assert main(["embed-release", "--live", url, "--archive", str(archive)]) == 0
        assert archived_releases(archive) == [release]
    finally:
        server.shutdown()
        server.server_close()
