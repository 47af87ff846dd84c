"""Offline reading: a service worker, versioned per build (see worker.py and assets/sw.js)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files

from wallet_guide import build_state
from wallet_guide.assets import add_package_assets, link_assets, not_for_readers
from wallet_guide.offline.config import OfflineConfig
from wallet_guide.offline.worker import MESSAGE_KEYS, WORKER, build_version, render_worker, shell_assets
from wallet_guide.settings import add_page_settings
from wallet_guide.texts import require_keys, texts_of

ASSETS = Path(__file__).parent / "assets"


class OfflinePlugin(BasePlugin[OfflineConfig]):
    def __init__(self) -> None:
        # Site paths published for others than the readers' pages, from every language's files.
        self.not_for_readers: set[str] = set()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        if build_state.in_outer_build(config):
            self.not_for_readers = set()
        require_keys(config, "offline", MESSAGE_KEYS, "the offline notice's texts")
        link_assets(config, scripts=("offline.js",))
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        # Only the page-side script is published as an asset; sw.js is written at the root below.
        add_package_assets(files, config, ASSETS, only=("offline.js",))
        return files

    def on_env(self, env, config: MkDocsConfig, files: Files):
        """Every plugin has added its files by now (on_files): note which no reader's page loads."""
        if self.config.enabled:
            self.not_for_readers |= not_for_readers(files)
        return env

    def on_page_context(self, context, page, config: MkDocsConfig, nav):
        if self.config.enabled:
            add_page_settings(context, offline={"worker": WORKER})  # for offline.js
        return context

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):
        if self.config.enabled and template_name == "404.html":  # offline.js runs there too
            add_page_settings(context, offline={"worker": WORKER})
        return context

    @event_priority(build_state.AFTER_ALL_LANGUAGES - 10)  # after every other file is written
    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled or not build_state.in_outer_build(config):
            return
        site_dir = Path(config.site_dir)
        languages = {
            lang.root: {**texts_of(config, lang, "offline"), "lang": lang.html_lang}
            for lang in sorted(build_state.languages(config), key=lambda lang: -len(lang.root))
        }
        worker = render_worker(
            (ASSETS / WORKER).read_text(encoding="utf-8"),
            version=build_version(site_dir),
            precache=shell_assets(site_dir, self.not_for_readers),
            pages=self.config.precache_pages,
            languages=languages,
        )
        (site_dir / WORKER).write_text(worker, encoding="utf-8")
