"""The page settings block can be completed on a written page (the 404 pages' lists of pages)."""

from __future__ import annotations

from wallet_guide.settings import add_settings_to_html, has_page_settings, page_settings

PAGE = '<head><script type="application/json" id="wg-settings">{"root": "/"}</script></head><body></body>'


def test_added_settings_join_the_block_and_keep_what_was_there():
    html = add_settings_to_html(PAGE, not_found={"pages": {"zh": ["", "causes/"]}})
    assert page_settings(html) == {"root": "/", "not_found": {"pages": {"zh": ["", "causes/"]}}}
    assert html.endswith("</script></head><body></body>")


def test_a_value_cannot_end_the_block_early():
    html = add_settings_to_html(PAGE, note="</script><script>alert(1)</script>")
    assert html.count("</script>") == 1
    assert page_settings(html)["note"] == "</script><script>alert(1)</script>"


def test_a_page_without_the_block_is_told_apart():
    assert has_page_settings(PAGE) and not has_page_settings("<head></head>")
