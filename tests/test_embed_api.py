"""What the embed plugin writes into the site: the content API (against its schema and the URL
contract) and the _headers file (frame-ancestors from the allow-list the tests build with)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import jsonschema
import pytest

from wallet_guide.contract import load_contract

CONTRACT = load_contract()
SCHEMAS = Path("data/schemas")
LANGS = [language.code for language in CONTRACT.languages]
# A page the contract marks `planned` has no source yet, nor a place in the API.
WRITTEN_PAGES = [p for p in CONTRACT.pages if Path("docs/zh", p.source).exists()]


def pages_json(site: Path, lang: str) -> dict:
    return json.loads((site / "api" / "v1" / lang / "pages.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_pages_json_matches_its_schema_which_is_served_beside_it(site, base_url, lang):
    document = pages_json(site, lang)
    schema = json.loads((SCHEMAS / "api-pages.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["$schema"] == f"{base_url}/api/v1/pages.schema.json"
    served = site / "api" / "v1" / "pages.schema.json"
    assert json.loads(served.read_text(encoding="utf-8")) == schema
    assert document["lang"] == lang


def checklist_json(site: Path, lang: str) -> dict:
    return json.loads((site / "api" / "v1" / lang / "checklist.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_checklist_json_matches_its_schema_which_is_served_beside_it(site, base_url, lang):
    document = checklist_json(site, lang)
    schema = json.loads((SCHEMAS / "api-checklist.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["$schema"] == f"{base_url}/api/v1/checklist.schema.json"
    served = site / "api" / "v1" / "checklist.schema.json"
    assert json.loads(served.read_text(encoding="utf-8")) == schema
    root = base_url + CONTRACT.url(lang, CONTRACT.pages[0])
    assert document["support_url"] == f"{root}support/"
    balance = next(c for c in document["causes"] if c["id"] == "balance")
    assert balance["fix_url"] == f"{root}solutions/#balance"
    assert balance["tick_url"] == f"{root}checklist/?tick=balance"
    assert balance["symptom"] and balance["summary"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_api_holds_every_page_and_section_of_the_url_contract(site, base_url, lang):
    """Every id is a section of pages.json or, on the checklist page, an item of checklist.json."""
    pages = {page["url"]: page for page in pages_json(site, lang)["pages"]}
    items = {cause["url"] for cause in checklist_json(site, lang)["causes"]}
    for contract_page in WRITTEN_PAGES:
        url = base_url + CONTRACT.url(lang, contract_page)
        assert url in pages, f"api/v1/{lang}/pages.json lacks {url}"
        page = pages[url]
        assert page["embed_url"] == f"{url}?embed=1"
        ids = [section["id"] for section in page["sections"]]
        missing = [i for i in contract_page.ids if i not in ids and f"{url}#{i}" not in items]
        assert missing == [], f"{url}: the API lacks {missing}"
        for section in page["sections"]:
            assert section["url"] == f"{url}#{section['id']}"
            assert section["embed_url"] == f"{url}?embed=1&section={section['id']}"
    checklist_ids = [c["id"] for c in checklist_json(site, lang)["causes"]]
    causes = next(p for p in CONTRACT.pages if p.path == "causes/")
    assert checklist_ids == list(causes.ids), "the checklist lists the causes in the contract's order"


def test_section_records_hold_the_sections_own_text_and_absolute_links(site, base_url):
    causes = next(p for p in pages_json(site, "zh")["pages"] if p["url"] == f"{base_url}/causes/")
    balance = next(s for s in causes["sections"] if s["id"] == "balance")
    assert balance["title"] == "2. 账户余额不足"
    assert balance["text"].startswith("不少用户在进行支付时可能未及时检查账户余额。")
    assert "网络" not in balance["text"], "the previous section's text leaked in"
    assert f'href="{base_url}/solutions/#balance"' in balance["html"]
    assert "<h2" not in balance["html"] and "¶" not in balance["text"]


def test_headers_file_lets_only_the_allow_list_frame_the_site(site, portals):
    lines = (site / "_headers").read_text(encoding="utf-8").splitlines()
    assert lines[lines.index("/*") + 1] == (
        f"  Content-Security-Policy: frame-ancestors 'self' {portals.allowed}"
    )
    assert "  X-Content-Type-Options: nosniff" in lines
    assert "  Referrer-Policy: strict-origin-when-cross-origin" in lines
    assert lines[lines.index("/api/v1/*") + 1] == "  Access-Control-Allow-Origin: *"
    assert portals.foreign not in "\n".join(lines)


def test_pages_carry_the_allow_list_for_the_embed_view(site, portals):
    html = (site / "causes" / "index.html").read_text(encoding="utf-8")
    assert f"data-wg-embed-origins='[\"{portals.allowed}\"]'" in html


def test_embed_js_is_as_small_as_the_integrator_page_says(site):
    """docs/*/integrate.md promises portals a script under 3 KiB compressed."""
    script = (site / "assets" / "wallet-guide" / "embed.js").read_bytes()
    assert len(gzip.compress(script, compresslevel=9)) < 3 * 1024
    assert b'"en": {"root": "en/"' in script, "the build writes the languages into embed.js"


def test_readers_offline_cache_skips_what_only_the_embed_view_and_portals_use(site):
    """Every page loads embed-head.js; the rest serves the embed view, which the worker never
    answers, or portals: precaching it would cost every reader's first visit."""
    worker = (site / "sw.js").read_text(encoding="utf-8")
    precache = json.loads(worker.split("const CONFIG = ", 1)[1].split(";\n", 1)[0])["precache"]
    assert "assets/wallet-guide/embed-head.js" in precache
    for name in ("embed-page.js", "embed.css", "embed.js"):
        assert f"assets/wallet-guide/{name}" not in precache
