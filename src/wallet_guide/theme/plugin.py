"""Small corrections to Material's output (valid HTML); see html_fixes.py for each reason."""

from __future__ import annotations

from mkdocs.plugins import BasePlugin, event_priority

from wallet_guide.theme.config import ThemeFixesConfig
from wallet_guide.theme.html_fixes import apply_all


class ThemeFixesPlugin(BasePlugin[ThemeFixesConfig]):
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
