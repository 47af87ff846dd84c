"""The causes checklist: <!-- wallet-guide:checklist --> in a page becomes the checklist."""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from wallet_guide import build_state
from wallet_guide.assets import add_package_assets, link_assets
from wallet_guide.checklist.config import ChecklistConfig
from wallet_guide.checklist.data import Checklist, load_checklist
from wallet_guide.checklist.render import (
    ANCHOR_PREFIX,
    MARKER,
    Links,
    insert_checklist,
    marker_mistake,
    render_checklist,
    repeated_ids,
    template_env,
)
from wallet_guide.contract import Contract, ContractPage, load_contract

HERE = Path(__file__).parent
ASSETS = HERE / "assets"
TEMPLATES = HERE / "templates"


class ChecklistPlugin(BasePlugin[ChecklistConfig]):
    def __init__(self) -> None:
        self.checklist: Checklist | None = None
        self.contract: Contract | None = None
        self.env: jinja2.Environment | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        root = Path(config.config_file_path).parent
        self.contract = load_contract(root / self.config.contract_file)
        self.checklist = load_checklist(
            root / self.config.data_file,
            root / self.config.data_schema,
            cause_ids=self._contract_page(self.config.links_causes).ids,
            languages=[language.code for language in self.contract.languages],
            name=self.config.data_file,
        )
        for path in (self.config.links_solutions, self.config.links_support):
            self._contract_page(path)  # fail now, not on the first page with a checklist
        # Last, so that a site's overrides/fragments/checklist.html wins over ours.
        if str(TEMPLATES) not in config.theme.dirs:
            config.theme.dirs.append(str(TEMPLATES))
        self.env = template_env(config.theme.dirs)
        link_assets(config, scripts=("checklist.js",), styles=("checklist.css",))
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        add_package_assets(files, config, ASSETS)
        return files

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files):
        if not self.config.enabled or MARKER not in html:
            return html
        where = page.file.src_uri
        mistake = marker_mistake(html)
        if mistake:
            raise PluginError(f"{where}: {mistake}")
        lang = build_state.page_language(page, config)
        prefix = "" if Path(where).name == self.config.anchors_page else ANCHOR_PREFIX
        fragment = render_checklist(self.env, self.checklist, lang, self._links(page, lang), prefix)
        repeated = repeated_ids(html, fragment)
        if repeated:
            raise PluginError(
                f"{where}: the page already has the ids {', '.join(repeated)}, which its checklist "
                f"would repeat; set anchors_page in mkdocs.yml to the page meant to carry them"
            )
        return insert_checklist(html, fragment)

    def _contract_page(self, path: str) -> ContractPage:
        for contract_page in self.contract.pages:
            if contract_page.path == path:
                return contract_page
        paths = ", ".join(p.path or "(home)" for p in self.contract.pages)
        raise PluginError(
            f"mkdocs.yml: wallet-guide-checklist: '{path}' is not a page of "
            f"{self.config.contract_file} ({paths})"
        )

    def _links(self, page: Page, lang: str) -> Links:
        def url(path: str) -> str:
            target = self.contract.url(lang, self._contract_page(path)).lstrip("/")
            return get_relative_url(target, page.url)

        return Links(
            causes=url(self.config.links_causes),
            solutions=url(self.config.links_solutions),
            support=url(self.config.links_support),
        )
