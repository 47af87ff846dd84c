from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class I18nLinksConfig(Config):
    enabled = opt.Type(bool, default=True)
    """Turn the language links, hreflang sitemap and switcher script off."""

    sitemap_x_default = opt.Type(str, default="zh")
    """The language a search engine shows a reader whose language we don't have."""

    permalink_titles = opt.Type(dict, default={})
    """Per language, the tooltip of a heading's ¶ link (Markdown's toc extension has one for all)."""
