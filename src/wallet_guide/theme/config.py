from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class ThemeFixesConfig(Config):
    enabled = opt.Type(bool, default=True)
    """Apply our corrections to the HTML that Material writes. Its texts per language (footer
    links, the short header title, the 404 page, the palette toggle) are in
    data/interface/<language>.yml: footer_links, short_title, not_found, palette_toggle."""
