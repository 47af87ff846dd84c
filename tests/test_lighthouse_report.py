"""What the Lighthouse audit fails on: what fails on any machine, never the timing of one run."""

from guide_tools.lighthouse import Report

ALL_100 = {"performance": 1, "accessibility": 1, "best-practices": 1, "seo": 1}


def test_a_slow_run_is_not_a_failure():
    report = Report(
        "http://x/",
        {**ALL_100, "performance": 0.97},
        ["performance: first-contentful-paint (1.3 s)", "performance: total-blocking-time (110 ms)"],
    )
    assert report.steady_failures() == []


def test_accessibility_below_100_and_a_layout_shift_are_failures():
    report = Report(
        "http://x/",
        {**ALL_100, "accessibility": 0.98},
        ["accessibility: color-contrast (0)", "performance: cumulative-layout-shift (0.12)"],
    )
    assert report.steady_failures() == ["accessibility=98", "performance: cumulative-layout-shift (0.12)"]
