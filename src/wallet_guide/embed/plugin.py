"""Embedding in a support portal: the embed view, its message protocol, the content API and
the _headers file; see docs-dev/decisions/0012-embedding.md and the integrator page
(docs/*/integrate.md)."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from wallet_guide import build_state
from wallet_guide.assets import add_package_assets, asset_url, publish
from wallet_guide.audience import is_for_readers
from wallet_guide.embed import api
from wallet_guide.embed.config import EmbedConfig
from wallet_guide.embed.headers import render_headers
from wallet_guide.embed.host_script import (
    HOST_SCRIPT,
    MESSAGE_KEYS,
    PINNED_DIR,
    TYPES,
    pinned_snippet,
    render_host_script,
)
from wallet_guide.settings import add_page_settings
from wallet_guide.texts import require_keys, texts_of

log = get_plugin_logger(__name__)
ASSETS = Path(__file__).parent / "assets"
# In every page's <head>; it loads embed-page.js and embed.css only for the embed view.
HEAD_SCRIPT = "embed-head.js"
VIEW_ASSETS = ("embed-page.js", "embed.css")  # loaded by embed-head.js in the embed view only
# The host script's addresses: the first stays for the portals that use it; the versioned one can be pinned.
HOST_SCRIPT_PATHS = (asset_url(HOST_SCRIPT), f"{PINNED_DIR}/{HOST_SCRIPT}")
API_SCHEMAS = {"pages": "api-pages.schema.json", "checklist": "api-checklist.schema.json"}
# Where a page wants the snippet that loads the pinned embed.js with its integrity hash.
PINNED_SNIPPET_MARKER = "<!-- wallet-guide:embed-pinned-snippet -->"


class EmbedPlugin(BasePlugin[EmbedConfig]):
    def __init__(self) -> None:
        self.pages: dict[str, list[tuple[int, dict]]] = {}  # lang -> (nav position, record)
        self.site_names: dict[str, str] = {}
        self._nav_positions: tuple[Navigation, dict[int, int]] | None = None  # (nav, id(page) -> place)
        self.default_site_name = ""
        self.host_script = ""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        # static-i18n re-runs on_config for each language of one build: reset only on the first.
        if build_state.is_last_language_pass(config):
            self.pages = {}
            self.site_names = {}
            self.default_site_name = config.site_name
        require_keys(
            config,
            "embed",
            MESSAGE_KEYS,
            "the texts embed.js shows in a portal while the frame loads (loading), when the "
            "guide does not answer (error) and on its link to the page (open)",
        )
        return config

    # After static-i18n has sorted the files into languages (-100): it cannot take generated
    # files that have no source path, such as embed.js.
    @event_priority(-110)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        add_package_assets(files, config, ASSETS, only=(HEAD_SCRIPT,))
        # Never loaded by a reader's page: not precached for offline reading.
        add_package_assets(files, config, ASSETS, only=VIEW_ASSETS, for_readers=False)
        languages = {
            lang.code: {
                "root": lang.root,
                "name": lang.site_name or self.default_site_name,
                **texts_of(config, lang, "embed"),
            }
            for lang in build_state.languages(config)
        }
        self.host_script = render_host_script(
            (ASSETS / HOST_SCRIPT).read_text(encoding="utf-8"),
            languages=languages,
            paths=list(HOST_SCRIPT_PATHS),
            site_url=config.site_url or "",
        )
        for path in HOST_SCRIPT_PATHS:
            publish(files, config, path, content=self.host_script, for_readers=False)
        publish(files, config, f"{PINNED_DIR}/{TYPES}", abs_src_path=str(ASSETS / TYPES), for_readers=False)
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or PINNED_SNIPPET_MARKER not in markdown:
            return markdown
        script_url = (config.site_url or "/").rstrip("/") + f"/{PINNED_DIR}/{HOST_SCRIPT}"
        return markdown.replace(PINNED_SNIPPET_MARKER, pinned_snippet(script_url, self.host_script))

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        if not self.config.enabled:
            return context
        context["wg_embed"] = {"script": asset_url(HEAD_SCRIPT)}
        add_page_settings(
            context,
            embed={
                "origins": self.config.embed_allowed_origins,
                "languages": {lang.code: lang.root for lang in build_state.languages(config)},
            },
        )
        if self.config.api_enabled and is_for_readers(page.meta):
            lang = build_state.page_language(page, config).code
            self.site_names[lang] = config.site_name
            position = self.nav_position(nav, page)
            description = page.meta.get("description") or config.site_description or ""
            # Without site_url a page has no canonical address: root-relative, as write_api's base.
            url = page.canonical_url or "/" + page.url
            record = api.page_record(page.title, description, url, page.content or "")
            self.pages.setdefault(lang, []).append((position, record))
        return context

    def nav_position(self, nav: Navigation, page: Page) -> int:
        """The page's place in the language's nav (after every page when it is not in it).
        The positions are found once per nav: a list lookup per page grows with the square
        of the site."""
        if self._nav_positions is None or self._nav_positions[0] is not nav:
            self._nav_positions = (nav, {id(p): i for i, p in enumerate(nav.pages)})
        return self._nav_positions[1].get(id(page), len(nav.pages))

    @event_priority(build_state.AFTER_ALL_LANGUAGES)  # once every language is built
    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled or not build_state.is_last_language_pass(config):
            return
        site_dir = Path(config.site_dir)
        if self.config.api_enabled:
            self.write_api(site_dir, config)
        if self.config.headers_enabled:
            text = render_headers(self.config.embed_allowed_origins, config.site_url, api.API_DIR)
            (site_dir / "_headers").write_text(text, encoding="utf-8")

    def write_api(self, site_dir: Path, config: MkDocsConfig) -> None:
        schema_dir = Path(config.config_file_path).parent / api.SCHEMA_DIR
        base = (config.site_url or "/").rstrip("/") + "/"
        schemas = {}
        for name, schema_file in API_SCHEMAS.items():
            schema_text = (schema_dir / schema_file).read_text(encoding="utf-8")
            schemas[name] = json.loads(schema_text)
            (site_dir / api.API_DIR).mkdir(parents=True, exist_ok=True)
            (site_dir / api.API_DIR / f"{name}.schema.json").write_text(schema_text, encoding="utf-8")
        for lang, entries in self.pages.items():
            pages = [record for _, record in sorted(entries, key=lambda entry: entry[0])]
            document = api.pages_document(lang, self.site_names[lang], api.schema_url(base, "pages"), pages)
            self.write_json(site_dir, lang, "pages", document, schemas["pages"])
        # The checklist plugin has loaded and checked data/checklist.yml in its on_config.
        checklist = build_state.loaded_checklist(config)
        if checklist is not None:
            for lang in self.pages:
                urls = api.checklist_urls(checklist.contract, checklist.options, lang, base)
                document = api.checklist_document(
                    checklist.checklist, lang, api.schema_url(base, "checklist"), urls
                )
                self.write_json(site_dir, lang, "checklist", document, schemas["checklist"])

    def write_json(self, site_dir: Path, lang: str, name: str, document: dict, schema: dict) -> None:
        """``api/v1/<lang>/<name>.json``, once it is known to match its schema."""
        errors = api.schema_errors(document, schema)
        if errors:
            raise PluginError(
                f"{api.API_DIR}/{lang}/{name}.json does not match "
                f"{api.SCHEMA_DIR / API_SCHEMAS[name]}:\n  " + "\n  ".join(errors)
            )
        target = site_dir / api.API_DIR / lang / f"{name}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(api.dump(document), encoding="utf-8")
        log.info(f"content API {lang}/{name}.json: {target.stat().st_size} bytes")
