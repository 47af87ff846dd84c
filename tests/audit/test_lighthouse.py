"""Lighthouse, mobile profile, on the pages readers land on in every language (one page per
template; the generated languages share the templates out: guide_tools.lighthouse.audited_paths):
100 in accessibility, best practices and SEO, and no layout shift.

Performance's score is timing on a simulated slow phone and moves with the machine's load (99 on
a busy CI machine): `make bench-lighthouse` prints it with the timings that cost points.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from guide_tools import static_server
from guide_tools.lighthouse import Report, audited_urls, run_many

pytestmark = pytest.mark.audit

PAGES = audited_urls()
# The positive control: a valid, accessible page whose text moves after it is shown.
TEXT_THAT_JUMPS = Path(__file__).parent / "fixtures" / "text-that-jumps"


@pytest.fixture(scope="module")
def control_url():
    server, base = static_server.start(TEXT_THAT_JUMPS)
    yield base + "/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def first_runs(request, base_url, control_url) -> dict[str, Report]:
    """One run of every page this session audits (all, or those -k selects), shared out among
    two Chromes side by side (guide_tools.lighthouse.run_many): a run waits on its page half
    of its time. Only what the test asserts is run: not performance's timings."""
    selected = [
        base_url + item.callspec.params["url"]
        for item in request.session.items
        if getattr(item, "originalname", None) == "test_lighthouse_steady_scores_100"
    ]
    if any(
        getattr(item, "originalname", None) == "test_lighthouse_fails_a_page_whose_text_jumps"
        for item in request.session.items
    ):
        selected.append(control_url)
    return {report.url: report for report in run_many(selected, chromes=2, steady_only=True)}


@pytest.mark.parametrize("url", PAGES)
def test_lighthouse_steady_scores_100(base_url, first_runs, url):
    report = first_runs[base_url + url]
    print(report.line())
    assert report.steady_failures() == [], report.line()


def test_lighthouse_fails_a_page_whose_text_jumps(first_runs, control_url):
    """The layout-shift audit runs without the rest of performance (run_many's steady_only), and
    still fails a page whose text moves under the reader's thumb; nothing else fails on it."""
    report = first_runs[control_url]
    failures = report.steady_failures()
    assert [failure.split(" (")[0] for failure in failures] == ["audit: cumulative-layout-shift"], (
        report.line()
    )
    assert set(report.scores) == {"accessibility", "best-practices", "seo"}
