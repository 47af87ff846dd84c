"""What the embed plugin writes into the site: the content API (against its schema and the URL
contract) and the _headers file (frame-ancestors from the allow-list the tests build with)."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import subprocess
import textwrap
from pathlib import Path
from urllib.request import Request, urlopen

import jsonschema
import pytest

from tests.generated import in_language, repository_checklist
from tests.languages import CODES, GENERATED, ROOTS
from wallet_guide.data.url_contract import load_contract
from wallet_guide.settings import page_settings, published_settings

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = load_contract()
SCHEMAS = Path("data/schemas")
LANGS = CODES  # the languages of mkdocs.yml (tests/languages.py)
# A page the contract marks `planned` has no source yet, nor a place in the API.
WRITTEN_PAGES = [p for p in CONTRACT.pages if Path("docs/zh", p.source).exists()]
CAUSES = next(p for p in CONTRACT.pages if p.path == "causes/")


def api_json(site: Path, lang: str, name: str) -> dict:
    return json.loads((site / "api" / "v1" / lang / f"{name}.json").read_text(encoding="utf-8"))


def pages_json(site: Path, lang: str) -> dict:
    return api_json(site, lang, "pages")


def checklist_json(site: Path, lang: str) -> dict:
    return api_json(site, lang, "checklist")


@pytest.mark.parametrize("name", ["pages", "checklist"])
@pytest.mark.parametrize("lang", LANGS)
def test_each_document_matches_its_schema_which_is_served_beside_it(site, base_url, lang, name):
    document = api_json(site, lang, name)
    schema = json.loads((SCHEMAS / f"api-{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["$schema"] == f"{base_url}/api/v1/{name}.schema.json"
    served = site / "api" / "v1" / f"{name}.schema.json"
    assert json.loads(served.read_text(encoding="utf-8")) == schema
    assert document["lang"] == lang


@pytest.mark.parametrize("lang", LANGS)
def test_the_checklist_json_links_each_cause_to_its_fix_and_its_tick(site, base_url, lang):
    document = checklist_json(site, lang)
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


@pytest.mark.parametrize("lang", sorted(GENERATED))
def test_a_generated_languages_api_holds_its_own_script_and_links(site, base_url, lang):
    """api/v1/zh-tw/… and api/v1/zh-hk/…: the zh content converted, linking within the language."""
    root = f"{base_url}/{ROOTS[lang]}"
    causes = next(p for p in pages_json(site, lang)["pages"] if p["url"] == f"{root}causes/")
    balance = next(s for s in causes["sections"] if s["id"] == "balance")
    title, first_sentence = "2. 账户余额不足", "不少用户在进行支付时可能未及时检查账户余额。"
    assert balance["title"] == in_language({"zh": title}, lang) != title
    assert balance["text"].startswith(in_language({"zh": first_sentence}, lang))
    assert not balance["text"].startswith(first_sentence)
    assert f'href="{root}solutions/#balance"' in balance["html"]
    hrefs = re.findall(
        r'href="([^"]+)"', "".join(s["html"] for p in pages_json(site, lang)["pages"] for s in p["sections"])
    )
    assert hrefs and [h for h in hrefs if h.startswith(base_url) and not h.startswith(root)] == []

    expected = {cause.id: cause.texts[lang] for cause in repository_checklist(CAUSES.ids).causes}
    for cause in checklist_json(site, lang)["causes"]:
        assert cause["symptom"] == expected[cause["id"]].symptom
        assert cause["summary"] == expected[cause["id"]].summary
    zh_symptoms = {c["symptom"] for c in checklist_json(site, "zh")["causes"]}
    assert zh_symptoms.isdisjoint(c["symptom"] for c in checklist_json(site, lang)["causes"])


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
    assert page_settings(html)["embed"] == {"origins": [portals.allowed], "languages": ROOTS}


def test_embed_js_is_as_small_as_the_integrator_page_says(site):
    """docs/*/integrate.md promises portals a script under 4 KiB compressed."""
    script = (site / "embed" / "v1" / "embed.js").read_bytes()
    assert len(gzip.compress(script, compresslevel=9)) < 4 * 1024
    assert published_settings(script.decode())["languages"]["en"]["root"] == "en/", (
        "the build gives embed.js the languages"
    )
    assert "正在加载指南…".encode() in script, "and the texts it shows in each language"
    assert (site / "assets" / "wallet-guide" / "embed.js").read_bytes() == script, (
        "the first address serves the same file"
    )


def test_embed_js_names_the_guide_in_each_language(site):
    """The frame's title and link name the guide as its language's pages do: a generated
    language's site name is its source's, converted (wallet-guide-generated fills it in)."""
    site_name = re.search(r"^site_name: (.+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    script = (site / "embed" / "v1" / "embed.js").read_text(encoding="utf-8")
    names = {code: entry["name"] for code, entry in published_settings(script)["languages"].items()}
    assert site_name and names["zh"] == site_name[1]
    for code, (source, converter) in GENERATED.items():
        assert names[code] == converter.text(names[source]) != names[source], code


@pytest.mark.parametrize("lang", LANGS)
def test_the_integrator_page_prints_the_integrity_hash_of_the_served_script(site, base_url, lang):
    root = CONTRACT.url(lang, CONTRACT.pages[0])
    html = urlopen(f"{base_url}{root}integrate/").read().decode("utf-8")
    text = re.sub(r"<[^>]+>", "", html).replace("&quot;", '"')
    pinned = re.search(r'src="([^"]+/embed/v1/immutable/embed\.[0-9a-f]{16}\.js)"', text)
    assert pinned and pinned[1].startswith(f"{base_url}/"), "the snippet pins the immutable file"
    served = urlopen(pinned[1]).read()
    expected = "sha384-" + base64.b64encode(hashlib.sha384(served).digest()).decode()
    assert f'integrity="{expected}"' in text
    assert served == urlopen(f"{base_url}/embed/v1/embed.js").read(), "this release's embed.js"
    # The changelog lists it among the published releases.
    assert f"{pinned[1]}{expected}" in re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", LANGS)
def test_the_content_api_is_customers_content_without_the_developers_page(site, base_url, lang):
    urls = [page["url"] for page in pages_json(site, lang)["pages"]]
    assert not [url for url in urls if "/integrate/" in url]
    assert f"{base_url}{CONTRACT.url(lang, CONTRACT.pages[0])}causes/" in urls


def test_the_content_api_is_readable_from_any_origin_where_headers_are_applied(headers_host):
    request = Request(f"{headers_host}/api/v1/en/pages.json", headers={"Origin": "https://portal.example"})
    with urlopen(request) as response:
        assert response.headers["Access-Control-Allow-Origin"] == "*"
    with urlopen(f"{headers_host}/en/causes/") as response:
        assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]
        assert response.headers.get("Access-Control-Allow-Origin") is None


def test_the_type_declarations_describe_the_script_a_portal_uses(tsc_errors):
    """embed.d.ts, served beside embed.js, type-checks a portal's use of every option and message:
    the right use passes, the wrong one is refused on its theme."""
    assert tsc_errors.get("wrong.ts"), "the declarations would accept anything"
    assert tsc_errors.get("portal.ts", []) == []
    assert any('"blue"' in e for e in tsc_errors["wrong.ts"]), tsc_errors


PORTAL_TS = """
import type { WalletGuideMessage, WalletGuideMount } from "./embed.js";
const element = document.getElementById("guide") as HTMLElement;
const guide: WalletGuideMount = window.WalletGuideEmbed.mount(element, {
  page: "/causes/", lang: "en", section: "balance", theme: "dark", height: 480, timeout: 5000,
  rememberTicks: false, scroll: true,
  onNavigation: (m) => console.log(m.section, m.top),
  onState: (m) => console.log(m.ticks.join(",")),
  onError: (failure) => console.log(failure.url),
});
guide.ready.then((ready) => console.log(ready.path, ready.lang));
element.addEventListener("wallet-guide:resize", (event) => console.log(event.detail.height));
function describe(message: WalletGuideMessage): string {
  switch (message.type) {
    case "ready": return message.title;
    case "resize": return String(message.height);
    case "navigation": return message.url;
    case "state": return message.ticks.join(",");
    case "feedback": return `${message.step} ${message.solved}`;
    case "summary": return message.text + message.tried.join(",");
  }
}
console.log(describe);
"""


def test_readers_offline_cache_skips_what_only_the_embed_view_and_portals_use(site):
    """Every page loads embed-head.js; the rest serves the embed view, which the worker never
    answers, or portals: precaching it would cost every reader's first visit."""
    worker = (site / "sw.js").read_text(encoding="utf-8")
    precache = published_settings(worker)["precache"]
    assert "assets/wallet-guide/embed-head.js" in precache
    for name in ("embed-page.js", "embed.css", "embed.js"):
        assert f"assets/wallet-guide/{name}" not in precache


SNIPPET = re.compile(
    r"^(?P<indent>[ \t]*)```(?P<lang>\w+)\n(?P<code>.*?)^(?P=indent)```", re.MULTILINE | re.DOTALL
)
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def integrator_snippets() -> dict[str, str]:
    """Every TypeScript and JavaScript snippet of the integrator page (zh, en): ```ts and ```js
    blocks and the inline scripts of ```html blocks, as file name -> code. Each is a module of its
    own (`export {}`), as each would be in a portal's code base."""
    snippets = {}
    for lang in ("zh", "en"):
        text = (ROOT / "docs" / lang / "integrate.md").read_text(encoding="utf-8")
        for number, block in enumerate(SNIPPET.finditer(text)):
            code = textwrap.dedent(block["code"]) if block["indent"] else block["code"]
            if block["lang"] == "ts":
                snippets[f"{lang}_{number}.ts"] = code
            elif block["lang"] == "js":
                snippets[f"{lang}_{number}.js"] = code
            elif block["lang"] == "html":
                for index, script in enumerate(INLINE_SCRIPT.findall(code)):
                    snippets[f"{lang}_{number}_{index}.js"] = script
    return {name: code + "\nexport {};\n" for name, code in snippets.items()}


@pytest.fixture(scope="module")
def tsc_errors(site, tmp_path_factory) -> dict[str, list[str]]:
    """One strict tsc run (a cold tsc takes seconds) over the embed.d.ts the site serves, a
    portal's right use of it (portal.ts), a wrong one (wrong.ts) and every snippet of the
    integrator page, each a module of its own: the errors, by file."""
    folder = tmp_path_factory.mktemp("tsc")
    served = site / "embed" / "v1" / "embed.d.ts"
    assert served.is_file()
    (folder / "embed.d.ts").write_bytes(served.read_bytes())
    files = {
        "portal.ts": PORTAL_TS,
        "wrong.ts": PORTAL_TS.replace('theme: "dark"', 'theme: "blue"'),
        **integrator_snippets(),
    }
    for name, code in files.items():
        (folder / name).write_text(code, encoding="utf-8")
    tsc = [
        str(ROOT / "node_modules" / ".bin" / "tsc"),
        "--noEmit",
        "--strict",
        "--lib",
        "es2020,dom",
        "--target",
        "es2020",
        "--module",
        "esnext",
        "--moduleResolution",
        "bundler",
        "--allowJs",
        "--checkJs",
    ]
    result = subprocess.run([*tsc, "embed.d.ts", *files], cwd=folder, capture_output=True, text=True)
    errors: dict[str, list[str]] = {}
    for line in result.stdout.splitlines():
        if ": error TS" in line:
            errors.setdefault(line.split("(", 1)[0], []).append(line)
    assert errors or result.returncode == 0, result.stdout + result.stderr
    assert set(errors) <= set(files) | {"embed.d.ts"}, result.stdout
    return errors


def test_every_snippet_of_the_integrator_page_compiles_with_tsc_strict(tsc_errors):
    """The snippets as printed, against the embed.d.ts the site serves."""
    snippets = integrator_snippets()
    assert {name.rsplit(".", 1)[1] for name in snippets} == {"ts", "js"}, snippets.keys()
    assert any("WalletGuideEmbed.mount(" in code for name, code in snippets.items() if name.endswith(".js"))
    assert {name: e for name, e in tsc_errors.items() if name in snippets or name == "embed.d.ts"} == {}


def test_the_declared_languages_are_the_sites(site):
    """WalletGuideLanguage is written at build time from the site's languages (zh-tw, zh-hk too)."""
    types = (site / "embed" / "v1" / "embed.d.ts").read_text(encoding="utf-8")
    declared = re.search(r"^export type WalletGuideLanguage = (.*);$", types, re.MULTILINE)
    assert declared and set(re.findall(r'"([^"]+)"', declared[1])) == set(LANGS)
