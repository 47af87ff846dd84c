"""Each page's keywords and last-updated date (wallet-guide-page-info), and the «solved?»
answers' optional endpoint, checked at build time."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime

import pytest

from tests.conftest import run_build
from tests.html import page_file, read
from wallet_guide.checklist.plugin import endpoint_mistake
from wallet_guide.pageinfo.dates import RECORD, format_date, parse_log


def test_the_log_gives_each_file_its_newest_date():
    output = (
        f"{RECORD}2026-11-30T10:00:00+08:00\n\ndocs/zh/index.md\ndocs/en/index.md\n"
        f"{RECORD}2026-11-01T09:00:00+00:00\n\ndocs/zh/index.md\ndocs/zh/causes.md\n"
    )
    dates = parse_log(output, prefix="docs/")
    assert dates == {
        "zh/index.md": datetime(2026, 11, 30, 2, 0, tzinfo=UTC),
        "en/index.md": datetime(2026, 11, 30, 2, 0, tzinfo=UTC),
        "zh/causes.md": datetime(2026, 11, 1, 9, 0, tzinfo=UTC),
    }


def test_dates_are_written_per_language():
    when = datetime(2026, 3, 7, tzinfo=UTC)
    assert format_date(when, "{year}年{month}月{day}日") == "2026年3月7日"
    assert format_date(when, "{day} {month_name} {year}") == "7 March 2026"


@pytest.mark.parametrize(
    "url,source", [("/causes/", "docs/zh/causes.md"), ("/en/solutions/", "docs/en/solutions.md")]
)
def test_a_page_shows_the_date_of_its_last_commit(site, url, source):
    committed = subprocess.run(
        ["git", "log", "-1", "--format=%cI", "--", source], capture_output=True, text=True, check=True
    ).stdout.strip()
    html = page_file(site, url).read_text(encoding="utf-8")
    if committed:  # a page changed but not committed yet shows the build's date instead
        day = datetime.fromisoformat(committed).astimezone(UTC).strftime("%Y-%m-%d")
        assert f'<time datetime="{day}">' in html
    assert ("最后更新：" in html) if "/en/" not in url else ("Last updated: " in html)


def test_the_keywords_are_metadata_and_tags_not_a_paragraph(site):
    doc = read(page_file(site, "/"))
    assert doc.meta["keywords"] == "数字钱包, 处理失败, 解决方案, 用户指南, 支付问题"
    # The seed's sentence stays whole for copying and screen readers (the separators are hidden).
    assert "关键词：数字钱包，处理失败，解决方案，用户指南，支付问题" in " ".join(doc.article_text.split())
    assert read(page_file(site, "/en/")).meta["keywords"].startswith("digital wallet, ")


@pytest.mark.parametrize(
    "endpoint",
    [None, "https://feedback.example.com/wallet-guide", "/api/feedback", "http://localhost:8080/feedback"],
)
def test_valid_endpoints(endpoint):
    assert endpoint_mistake(endpoint) is None


@pytest.mark.parametrize(
    "endpoint", ["http://feedback.example.com/", "ftp://x/y", "feedback", "//evil.example/"]
)
def test_an_endpoint_that_is_not_https_nor_a_path_stops_the_build_with_the_fix(endpoint):
    assert "is not an https:// address nor a path of this site" in endpoint_mistake(endpoint)


def test_the_build_names_a_wrong_endpoint(tmp_path):
    build = run_build(tmp_path / "site", env={"FEEDBACK_ENDPOINT": "http://feedback.example.com/"})
    assert build.returncode != 0
    assert (
        "mkdocs.yml: wallet-guide-checklist: feedback_endpoint 'http://feedback.example.com/' is not"
        in build.log
    )


def test_without_an_endpoint_no_answer_goes_anywhere(site):
    assert "data-wg-endpoint" not in page_file(site, "/solutions/").read_text(encoding="utf-8")
