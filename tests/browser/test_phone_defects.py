"""Small defects on a reader's path at 390 x 844 (issue 23, item 4), each in every language of
mkdocs.yml, the schemes in turn (READERS), on the session's one build: the share button where Web Share is
missing, the summary's heading under «回到页面顶部» after the jump, the sticky bar over the next
item, fix numbers on the second line of a two-line title, H1s of 4-5 lines, the edit pencil
beside the H1, 44 px targets in the checklist, and a tap on search before the scripts run."""

from __future__ import annotations

import struct
import zlib

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import EVERY_SCHEME, PHONE, READER_PAGES, READERS, HeldRequests
from tests.browser.test_help_centre import IDS
from tests.browser.test_navigation import wake_material
from tests.generated import in_language
from tests.languages import ROOTS, interface_texts

TARGET = 44  # CSS px: the checklist's boxes and links (Apple's minimum; WCAG 2.5.5)
PAGES = READER_PAGES
SYMPTOMS = [cause_id for cause_id in IDS if cause_id != "unsure"]


@pytest.fixture(params=READERS, ids="-".join)
def reader(request, phone):
    """A phone tab in one language and colour scheme: (tab, language code, its root "en/")."""
    lang, scheme = request.param
    tab = phone(scheme)
    return tab, lang, ROOTS[lang]


def rect(locator) -> dict:
    return locator.evaluate(
        "e => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height}; }"
    )


def test_the_share_button_shows_only_where_web_share_exists(reader):
    tab, _lang, root = reader
    tab.add_init_script("delete Navigator.prototype.share")
    tab.goto(f"/{root}support/")
    expect(tab.locator(".wg-summary__copy")).to_be_visible()  # the summary's script ran
    expect(tab.locator(".wg-summary__share")).to_be_hidden()

    with_share = tab.context.new_page()
    with_share.add_init_script("Navigator.prototype.share = () => Promise.resolve()")
    with_share.goto(f"/{root}support/")
    expect(with_share.locator(".wg-summary__share")).to_be_visible()


def test_the_summary_heading_lands_below_back_to_top_after_the_jump(reader):
    """«没有，联系客户支持» on the last step jumps up to the summary (from further down the
    solutions page), which shows Material's back-to-top button: the heading must land below it."""
    tab, _lang, root = reader
    tab.goto(f"/{root}solutions/")
    wake_material(tab)
    tab.locator(f"[data-wg-solved='{IDS[-1]}'] .wg-solved__no").click()
    tab.wait_for_url(f"**/{root}support/#wg-summary")
    title = tab.locator("#wg-summary-title")
    expect(title).to_be_focused()
    # Where the button shows (position: fixed; shown or not, its box is laid out there).
    button_bottom = tab.evaluate(
        "() => { const b = document.querySelector('.md-top'); return parseFloat(getComputedStyle(b).top) + b.offsetHeight; }"
    )
    assert button_bottom > 0
    box = rect(title)
    assert button_bottom <= box["top"] < PHONE["height"], (box, button_bottom)
    if tab.locator(".md-top").is_visible():
        top = tab.locator(".md-top")
        assert rect(top)["bottom"] <= box["top"]


def test_ticking_an_item_keeps_the_next_one_above_the_sticky_bar(reader):
    tab, _lang, root = reader
    tab.goto(f"/{root}checklist/")
    item = tab.locator(f"#{SYMPTOMS[3]}")
    following = tab.locator(f"#{SYMPTOMS[4]}")
    # The reader scrolled until the item is at the screen's bottom, then ticks it.
    item.evaluate("e => e.scrollIntoView({block: 'end', behavior: 'instant'})")
    assert rect(following)["top"] >= PHONE["height"] - 1, "positive control: the next item starts off screen"
    tab.click(f"label[for='wg-check-box-{SYMPTOMS[3]}']")
    bar = tab.locator(".wg-checklist__bar")
    expect(bar).to_be_visible()
    # The page may scroll smoothly: wait for the next item to come out from under the bar.
    tab.wait_for_function(
        """id => { const next = document.getElementById(id).getBoundingClientRect();
            const bar = document.querySelector('.wg-checklist__bar').getBoundingClientRect();
            const header = document.querySelector('.md-header').getBoundingClientRect();
            return next.bottom <= bar.top + 1 && next.top >= header.bottom; }""",
        arg=SYMPTOMS[4],
        timeout=3000,
    )


# The one test that reads colour (the numbers' ink): both schemes in every language.
@pytest.mark.parametrize("reader", EVERY_SCHEME, ids="-".join, indirect=True)
def test_each_fix_number_is_on_the_first_line_of_its_title(reader):
    """Every fix shown (all symptoms ticked): the list number's ink lies within the first line of
    the title, also for a title that wraps to two lines."""
    tab, lang, root = reader
    tab.goto(f"/{root}checklist/?tick={','.join(SYMPTOMS)}")
    fixes = tab.locator(".wg-checklist__fix")
    expect(fixes.first).to_be_visible()
    wrapped = 0
    for index in range(fixes.count()):
        item, lines, ink = gutter_of(tab, fixes.nth(index))
        wrapped += len(lines) > 1
        assert ink, f"fix {index + 1}: no number drawn left of it"
        first_top, first_bottom = lines[0][0] - item["top"], lines[0][1] - item["top"]
        assert first_top <= min(ink) and max(ink) <= first_bottom, (
            f"fix {index + 1}: its number (rows {min(ink)}-{max(ink)}) is not on the title's first line "
            f"({first_top}-{first_bottom})"
        )
    if lang == "en":
        assert wrapped, "positive control: an English fix title wraps to two lines at 390 px"


def gutter_of(tab, fix) -> tuple[dict, list[list[int]], list[int]]:
    """The fix item's place, its title's lines and the ink rows of the gutter just left of it
    (where its number alone is drawn), read while the page holds still: the same pixels in two
    screenshots, the item where it was measured. (CI once read the whole gutter as ink, on a
    busy machine: a frame from before the scroll, or a layout still moving as the scroll starts
    loading Material's bundle.)"""
    for _ in range(5):
        # At once (not smooth), then measured in one go.
        item, lines = fix.evaluate(
            """f => { f.scrollIntoView({block: 'center', behavior: 'instant'});
                const range = document.createRange(); range.selectNodeContents(f.querySelector('a'));
                const tops = [...range.getClientRects()].map(r => [Math.round(r.top), Math.round(r.bottom)]);
                const r = f.getBoundingClientRect();
                return [{top: r.top, left: r.left}, tops.filter((t, i) => i === 0 || t[0] !== tops[i - 1][0])]; }"""
        )
        gutter = {"x": item["left"] - 26, "y": item["top"], "width": 25, "height": lines[-1][1] - item["top"]}
        first, again = tab.screenshot(clip=gutter), tab.screenshot(clip=gutter)
        still = fix.evaluate(
            "f => { const r = f.getBoundingClientRect(); return {top: r.top, left: r.left}; }"
        )
        if first == again and still == item:
            return item, lines, ink_rows(again)
        tab.wait_for_timeout(100)
    raise AssertionError("the page kept changing around the fix: nothing still to measure in five tries")


def test_every_h1_takes_three_lines_at_most_and_the_summary_starts_on_the_first_screen(reader):
    tab, _lang, root = reader
    for path in PAGES:
        tab.goto(f"/{root}{path}")
        h1 = tab.locator(".md-content h1").first
        lines = h1.evaluate(
            "h => Math.round(h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight))"
        )
        assert lines <= 3, f"/{root}{path}: the H1 takes {lines} lines at 390 px"
    # The support page's summary starts on the first screen: its title, what it is for, and
    # the first of the details a reader may add (the summary's text follows them).
    tab.goto(f"/{root}support/")
    assert rect(tab.locator(".wg-summary__details"))["top"] < PHONE["height"] - 40


def test_the_edit_link_is_at_the_page_foot_not_beside_the_h1(reader):
    tab, lang, root = reader
    tab.goto(f"/{root}causes/")
    expect(tab.locator(".md-content__button")).to_have_count(0)
    edit = tab.locator("a[rel=edit]")
    expect(edit).to_have_count(1)
    expect(edit).to_have_text(interface_texts(lang)["page_info"]["improve"])
    assert edit.get_attribute("href").endswith(".md")
    last_section = tab.locator(".md-content h2").last
    assert rect(edit)["top"] > rect(last_section)["bottom"], "at the foot, after the article"
    assert rect(edit)["height"] >= TARGET


def test_the_checklists_boxes_and_links_are_44_px_targets(reader):
    tab, _lang, root = reader
    tab.goto(f"/{root}checklist/?tick={SYMPTOMS[0]}")
    for cause_id in SYMPTOMS:
        box = tab.locator(f"#wg-check-box-{cause_id}")
        box.evaluate("e => e.scrollIntoView({block: 'center', behavior: 'instant'})")  # not under the bar
        b = rect(box)
        x, y = (b["left"] + b["right"]) / 2, (b["top"] + b["bottom"]) / 2
        half = TARGET / 2 - 1
        for dx, dy in [(0, 0), (-half, -half), (half, -half), (-half, half), (half, half)]:
            hit = tab.evaluate(
                """([x, y, id]) => { const e = document.elementFromPoint(x, y);
                    return !!e && (e.id === id || e.closest(`label[for="${id}"]`) !== null); }""",
                [x + dx, y + dy, f"wg-check-box-{cause_id}"],
            )
            assert hit, f"{cause_id}: a tap {dx:+.0f},{dy:+.0f} px from the box's centre misses it"
    heights = tab.locator(".wg-checklist__links a, .wg-checklist__fix:visible > a").evaluate_all(
        "els => els.map(a => a.getBoundingClientRect().height)"
    )
    assert heights and min(heights) >= TARGET, heights


def test_a_tap_on_search_before_its_script_runs_opens_search(reader):
    """On a slow network the button shows before search.js has arrived: a tap opens the dialog
    at once, and what the reader typed is searched once the script runs."""
    tab, lang, root = reader
    search_js = HeldRequests(tab, "**/search.js")  # waits until released below
    tab.goto(f"/{root}", wait_until="commit")
    button = tab.locator(".wg-search__open")
    expect(button).to_be_visible()
    # The button is in the markup, the script's request comes a moment later.
    search_js.wait()
    assert tab.evaluate("window.wgSearch === undefined"), "positive control: search.js has not run"
    button.click()
    expect(tab.locator(".wg-search__dialog")).to_be_visible()
    expect(tab.locator(".wg-search__input")).to_be_focused()
    query = in_language({"zh": "余额", "en": "balance"}, lang)
    tab.keyboard.insert_text(query)
    search_js.release()
    expect(tab.locator(".wg-search__result").first).to_be_visible()


def ink_rows(png: bytes) -> list[int]:
    """The rows of a screenshot (PNG, 8-bit RGB or RGBA) holding a pixel that is not the
    background's (the top-left pixel's colour)."""
    _, _, channels, pixels = decode_png(png)
    background = pixels[0][:channels]
    return [
        y
        for y, row in enumerate(pixels)
        if any(abs(row[i] - background[i % channels]) > 60 for i in range(len(row)))
    ]


def decode_png(png: bytes) -> tuple[int, int, int, list[bytes]]:
    """Chromium's screenshots: 8-bit RGB(A), not interlaced. Rows without their filters."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, data, header = 8, b"", None
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos : pos + 8])
        chunk = png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            data += chunk
        pos += 12 + length
    assert header is not None
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and not interlace, header
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(data)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows
