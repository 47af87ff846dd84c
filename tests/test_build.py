"""The strict build is clean and writes what the URL contract and the theme promise."""

from __future__ import annotations

import gzip
import os
import re
import xml.etree.ElementTree as ET

import pytest

from guide_tools.bench import page_urls
from tests.generated import HTML_LANG
from tests.html import page_file, read
from tests.languages import CODES, GENERATED, NAMES, ROOTS
from wallet_guide.data.url_contract import load_contract
from wallet_guide.settings import page_settings

CONTRACT = load_contract()
LANGS = CODES  # the languages of mkdocs.yml (tests/languages.py)
CASES = [(lang, p) for lang in LANGS for p in CONTRACT.pages]


def test_strict_build_has_no_warning(build):
    warnings = [line for line in build.log.splitlines() if "WARNING" in line or "ERROR" in line]
    assert warnings == []


@pytest.mark.parametrize("lang,contract_page", CASES, ids=[f"{code}:/{p.path}" for code, p in CASES])
def test_contract_page_and_ids_exist(site, lang, contract_page):
    url = CONTRACT.url(lang, contract_page)
    path = page_file(site, url)
    assert path.exists(), f"{url} is missing from the build"
    doc = read(path)
    assert doc.lang == HTML_LANG[lang]
    missing = [i for i in contract_page.ids if i not in doc.ids]
    assert missing == [], f"{url} lacks the section ids {missing}"
    description = doc.meta.get("description", "")
    assert len(description) >= 40, f"{url} has no real meta description"
    has_han = bool(re.search(r"[\u4e00-\u9fff]", description))
    assert has_han == lang.startswith("zh"), f"{url}: the description is not in {lang}: {description!r}"


def test_no_heading_has_an_automatic_id(site):
    auto = []
    for path in site.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        auto += [f"{path.relative_to(site)}: {m}" for m in re.findall(r'<h[1-6][^>]* id="(_\d*)"', html)]
    assert auto == []


def test_sitemap_lists_both_languages_with_hreflang(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    locs = {u.find("s:loc", ns).text: u for u in root.findall("s:url", ns)}
    for lang in LANGS:
        for p in CONTRACT.pages:
            loc = next((url for url in locs if url.endswith(CONTRACT.url(lang, p))), None)
            assert loc, f"sitemap.xml lacks {CONTRACT.url(lang, p)}"
            hreflangs = {x.get("hreflang"): x.get("href") for x in locs[loc].findall("x:link", ns)}
            assert set(hreflangs) == {*(HTML_LANG[lang] for lang in LANGS), "x-default"}
            assert hreflangs["en"].endswith(CONTRACT.url("en", p))
            assert hreflangs["zh"].endswith(CONTRACT.url("zh", p))
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == (site / "sitemap.xml").read_bytes()
    # Material's instant navigation reads /en/sitemap.xml on English pages.
    en = ET.fromstring((site / "en" / "sitemap.xml").read_bytes())
    en_locs = [u.find("s:loc", ns).text for u in en.findall("s:url", ns)]
    assert en_locs and all("/en/" in loc for loc in en_locs)


@pytest.mark.parametrize("lang,root", ROOTS.items())
def test_each_404_page_knows_every_languages_pages_and_names_each_language(site, lang, root):
    """What not-found.js offers from: the built pages of each language, and one link per
    language, named in its own script (mkdocs.yml's name), its own language first."""
    pages = page_settings((site / root / "404.html").read_text(encoding="utf-8"))["not_found"]["pages"]
    built = {code: [] for code in CODES}
    for url in page_urls(site):
        code = max((c for c in CODES if url.startswith(f"/{ROOTS[c]}")), key=lambda c: len(ROOTS[c]))
        built[code].append(url.removeprefix(f"/{ROOTS[code]}"))
    assert {code: sorted(paths) for code, paths in pages.items()} == {c: sorted(p) for c, p in built.items()}
    links = [a for a in read(site / root / "404.html").anchors if "data-wg-root" in a]
    assert links[0]["data-wg-lang"] == lang
    assert sorted((a["data-wg-lang"], a["text"], a["lang"], a["data-wg-root"]) for a in links) == sorted(
        (code, NAMES[code], HTML_LANG[code], f"/{ROOTS[code]}") for code in CODES
    )
    # No href until not-found.js knows the page meant, so no hreflang yet (valid HTML: vnu).
    assert not [a for a in links if "href" in a or "hreflang" in a]


def test_no_page_names_a_third_party_resource(site):
    """Nothing a page loads (scripts, styles, icons, fonts) comes from another host."""
    offenders = []
    for path in site.rglob("*.html"):
        for url in read(path).resources:
            if re.match(r"^(https?:)?//", url):
                offenders.append(f"{path.relative_to(site)}: {url}")
    for path in site.rglob("*.css"):
        offenders += [
            f"{path.relative_to(site)}: {u}"
            for u in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", path.read_text())
        ]
    assert offenders == []


REPO_URL = os.environ.get("REPO_URL", "https://github.com/wallet-guide/wallet-guide")


@pytest.mark.parametrize("lang", LANGS)
def test_edit_link_opens_the_page_source_in_its_language(site, lang):
    # A generated language's page is edited in its source (zh-tw's in docs/zh/).
    folder = GENERATED[lang][0] if lang in GENERATED else lang
    for contract_page in CONTRACT.pages:
        doc = read(page_file(site, CONTRACT.url(lang, contract_page)))
        edit = [a["href"] for a in doc.anchors if a.get("rel") == "edit"]
        assert edit == [f"{REPO_URL}/edit/main/docs/{folder}/{contract_page.source}"]


def test_no_repository_widget(site):
    """Material's widget would fetch the repository's stars from api.github.com."""
    offenders = [
        str(p.relative_to(site))
        for p in site.rglob("*.html")
        if 'data-md-component="source"' in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_up_to_date_translations_show_no_stale_notice(site):
    stale = [
        str(p.relative_to(site))
        for p in (site / "en").rglob("index.html")
        if "wg-translation-notice" in p.read_text(encoding="utf-8")
    ]
    assert stale == []


@pytest.mark.parametrize("url,title", [("/causes/", "本节链接"), ("/en/causes/", "Link to this section")])
def test_section_links_speak_the_page_language(site, url, title):
    html = page_file(site, url).read_text(encoding="utf-8")
    titles = set(re.findall(r'<a class="headerlink" href="#[^"]*" title="([^"]*)"', html))
    assert titles == {title}
