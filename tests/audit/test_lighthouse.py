"""Lighthouse, mobile profile, on the pages readers land on in every language (one page per
template; the generated languages share the templates out: guide_tools.lighthouse.audited_paths):
100 in accessibility, best practices and SEO, and no layout shift.

Performance's score is timing on a simulated slow phone and moves with the machine's load (99 on
a busy CI machine): `make bench-lighthouse` prints it with the timings that cost points.
"""

from __future__ import annotations

import pytest

from guide_tools.lighthouse import Report, audited_urls, run_many

pytestmark = pytest.mark.audit

PAGES = audited_urls()


@pytest.fixture(scope="module")
def first_runs(request, base_url) -> dict[str, Report]:
    """One run of every page this session audits (all, or those -k selects), shared out among
    two Chromes side by side (guide_tools.lighthouse.run_many): a run waits on its page half
    of its time."""
    selected = [
        item.callspec.params["url"]
        for item in request.session.items
        if getattr(item, "originalname", None) == "test_lighthouse_steady_scores_100"
    ]
    return {report.url: report for report in run_many([base_url + url for url in selected], chromes=2)}


@pytest.mark.parametrize("url", PAGES)
def test_lighthouse_steady_scores_100(base_url, first_runs, url):
    report = first_runs[base_url + url]
    print(report.line())
    assert report.steady_failures() == [], report.line()
