"""The axe harness finds what it is there to find: every "no violation" test of the tiers is only
as good as this positive control (tests/browser/axe.py's options: WCAG 2.2 AA, violations only)."""

from __future__ import annotations

from tests.browser.axe import axe_violations, describe

FLAWED = """<!doctype html><html lang="en"><head><title>Flawed</title></head><body><main>
<h1>A page with two defects</h1>
<p style="color:#bbb;background:#fff">Grey on white, too faint to read.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p class="fine">Black on white.</p>
</main></body></html>"""


def test_axe_reports_each_violation_with_the_element_and_its_advice(page):
    page.set_content(FLAWED)
    violations = axe_violations(page)
    assert sorted(v["id"] for v in violations) == ["color-contrast", "image-alt"]
    report = describe(violations)
    assert "color-contrast (serious) at ['p:nth-child(2)']" in report
    assert "insufficient color contrast of 1.91" in report  # axe's advice, with the figure
    assert "image-alt (critical) at ['img']" in report


def test_axe_limited_to_a_region_sees_only_that_region(page):
    page.set_content(FLAWED)
    assert axe_violations(page, ".fine") == []
