"""The checklist's HTML: complete without JavaScript, escaped, linked, overridable."""

from __future__ import annotations

from tests.html import read
from wallet_guide.checklist.plugin import TEMPLATES
from wallet_guide.checklist.render import (
    MARKER,
    Links,
    count_markers,
    insert_checklist,
    render_checklist,
    template_env,
)
from wallet_guide.data.checklist import parse
from wallet_guide.data.headings import Section, TitlePage

SCRIPT = "<script>alert(1)</script>"
LABELS = {
    "legend": "What do you see?",
    "hint": "Tick what matches.",
    "cause": "Cause: {link}",
    "fix": "Fix: {link}",
    "fixes": "Try these fixes, in this order",
    "empty": "None of these match? Please {support}.",
    "nothing_helped": "Still failing? Please {support}.",
    "support": "contact customer support",
    "reset": "Clear all ticks",
    "status_none": "Nothing is ticked.",
    "status_some": "{count} ticked.",
    **{
        key: f"Text {key}"
        for key in (
            "unsure",
            "status_unsure",
            "triage_title",
            "triage_hint",
            "triage_unsure",
            "triage_search",
            "solved_question",
            "solved_yes",
            "solved_no",
            "solved_no_last",
            "solved_thanks",
            "summary_title",
            "summary_hint",
            "summary_subject",
            "summary_ticked",
            "summary_tried",
            "summary_nothing",
            "summary_language",
            "summary_time",
            "summary_copy",
            "summary_copied",
            "summary_share",
            "summary_hint_embed",
            "summary_send",
            "summary_sent",
        )
    },
    "show_fixes": "Show {count}",
    "solved_next": "Next: {link}",
}
LINKS = Links(causes="../causes/", solutions="../solutions/", support="../support/")


def checklist(**overrides):
    texts = {
        "symptom": "Slow network",
        "cause": "Network problems",
        "fix": "Check the network",
        "summary": "Reconnect.",
        **overrides,
    }
    # The cause and fix titles are the pages' headings (wallet_guide.data.headings).
    titles = {
        kind: TitlePage(
            f"docs/en/{kind}.md",
            {"network": Section(texts.pop(kind), 3), "balance": Section(balance, 5)},
        )
        for kind, balance in (("cause", "Insufficient balance"), ("fix", "Check your balance"))
    }
    return parse(
        {
            "causes": [
                {"id": "network", "en": texts},
                {"id": "balance", "en": {"symptom": "Low balance", "summary": "Top up."}},
            ],
        },
        {"en": LABELS},
        titles={"en": titles},
    )


def render(data=None, prefix: str = "", dirs=(TEMPLATES,)) -> str:
    env = template_env([str(d) for d in dirs])
    return render_checklist(env, data or checklist(), "en", LINKS, prefix)


def test_text_from_the_data_is_escaped():
    html = render(checklist(symptom=SCRIPT, cause=SCRIPT, fix=SCRIPT, summary=f"{SCRIPT} & more"))
    assert SCRIPT not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 5  # symptom, cause, fix twice, summary
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html


def test_every_symptom_has_its_cause_and_fix_links_and_every_fix_is_listed():
    html = render()
    assert '<li class="wg-checklist__item" id="network">' in html
    assert '<label class="wg-checklist__symptom" for="wg-check-box-network">Slow network</label>' in html
    assert 'Cause: <a href="../causes/#network">Network problems</a>' in html
    assert 'Fix: <a href="../solutions/#network">Check the network</a>' in html
    fixes = html[html.index('<ol class="wg-checklist__fixes">') :]
    assert fixes.index("#network") < fixes.index("#balance"), "fixes in the order of the data"
    assert 'Still failing? Please <a href="../support/#wg-summary">contact customer support</a>.' in html


def test_the_markup_is_the_same_with_and_without_javascript():
    # checklist.css decides what shows (with scripting, or (scripting: none)); the script hides
    # only the fixes of unticked boxes, so its start moves nothing on the page.
    assert " hidden" not in render()


def test_the_script_gets_its_texts_from_data_attributes():
    html = render()
    assert 'data-wg-status-none="Nothing is ticked."' in html
    assert 'data-wg-status-some="{count} ticked."' in html


def test_a_prefix_keeps_the_item_ids_apart_from_the_page_headings(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(f"<html><body><article>{render(prefix='wg-check-')}</article></body></html>")
    ids = read(page).ids
    assert "network" not in ids and "balance" not in ids
    assert ids[:2] == ["wg-check-network", "wg-check-box-network"]
    assert len(ids) == len(set(ids))


def test_a_site_override_wins(tmp_path):
    (tmp_path / "fragments").mkdir()
    (tmp_path / "fragments" / "checklist.html").write_text(
        "{% for item in items %}<b>{{ item.symptom }}</b>{% endfor %}"
    )
    assert render(checklist(symptom=SCRIPT), dirs=(tmp_path, TEMPLATES)) == (
        "<b>&lt;script&gt;alert(1)&lt;/script&gt;</b><b>Low balance</b>"
    )


def test_the_marker_is_replaced_only_on_a_line_of_its_own():
    html = f"<h1>T</h1>\n{MARKER}\n<p>x</p>"
    assert count_markers(html) == (1, 1)
    assert insert_checklist(html, "<div>C</div>") == "<h1>T</h1>\n<div>C</div>\n<p>x</p>"
    assert count_markers(f"<p>see {MARKER} here</p>") == (0, 1)
    # In a code block Markdown escapes it: it is text, not a marker.
    assert count_markers("<pre><code>&lt;!-- wallet-guide:checklist --&gt;</code></pre>") == (0, 0)
