"""Adjustments to Material: valid HTML (html_fixes.py) and a lazily loaded bundle (assets/)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files

from wallet_guide.assets import add_package_assets

from wallet_guide.theme.config import ThemeFixesConfig
from wallet_guide.theme.html_fixes import apply_all


ASSETS = Path(__file__).parent / "assets"


class ThemeFixesPlugin(BasePlugin[ThemeFixesConfig]):
    def on_files(self, files: Files, config):
        if not self.config.enabled:
            return files
        add_package_assets(files, config, ASSETS)  # material-loader.js, used by overrides/main.html
        return files

    @event_priority(-90)  # on the final page HTML, after other plugins have added theirs
    def on_post_page(self, output: str, page, config):
        if not self.config.enabled:
            return output
        return apply_all(output)

    @event_priority(50)  # before wallet-guide-i18n keeps each language's 404 page
    def on_post_template(self, output_content: str, template_name: str, config):
        if not self.config.enabled or not template_name.endswith(".html"):
            return output_content
        return apply_all(output_content)
