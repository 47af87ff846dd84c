"""What a page says about itself: its keywords (front matter `keywords:`, as <meta> and small
tags) and when it was last updated (git, in the page's language). Why ours and not
mkdocs-git-revision-date-localized-plugin: docs-dev/decisions/0016-page-info-dates.md."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.pages import Page

from wallet_guide import build_state
from wallet_guide.pageinfo.config import PageInfoConfig
from wallet_guide.pageinfo.dates import format_date, is_shallow, last_changed
from wallet_guide.texts import require_keys, texts_of

log = get_plugin_logger(__name__)
LABELS = ("updated", "date", "keywords", "separator")


@dataclass(frozen=True)
class PageInfo:
    keywords: tuple[str, ...]
    keywords_label: str
    separator: str
    updated_iso: str | None  # <time datetime>, UTC
    updated_text: str | None  # "Last updated: 2 December 2026"


class PageInfoPlugin(BasePlugin[PageInfoConfig]):
    def __init__(self) -> None:
        self.dates: dict[str, datetime] | None = None
        self.docs_prefix = ""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        require_keys(
            config,
            "page_info",
            LABELS,
            "the labels of a page's last update and keywords (see the file's comment)",
        )
        if build_state.is_last_language_pass(config):  # once per build, not once per language
            docs = Path(config.docs_dir)
            self.dates = last_changed(docs, ".")
            if self.dates is None:
                log.info("not a git work tree: pages show no last-updated date")
            elif is_shallow(docs):
                log.info(
                    "a shallow clone: last-updated dates may be too recent (fetch the whole "
                    "history, e.g. actions/checkout with fetch-depth: 0)"
                )
        return config

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        if not self.config.enabled:
            return context
        lang = build_state.page_language(page, config)
        texts = texts_of(config, lang, "page_info")
        keywords = page.meta.get("keywords") or []
        if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
            raise PluginError(f"{page.file.src_uri}: keywords must be a list of words (- word, one a line)")
        when = None
        if self.dates is not None:
            # A page not committed yet (a new one) is as new as this build.
            when = self.dates.get(page.file.src_uri, datetime.now(UTC))
        context["wg_page_info"] = PageInfo(
            keywords=tuple(keywords),
            keywords_label=texts["keywords"],
            separator=texts["separator"],
            updated_iso=when.strftime("%Y-%m-%d") if when else None,
            updated_text=texts["updated"].format(date=format_date(when, texts["date"])) if when else None,
        )
        return context
