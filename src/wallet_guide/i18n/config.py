from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class I18nLinksConfig(Config):
    enabled = opt.Type(bool, default=True)
    """Turn the language links, hreflang sitemap and switcher script off."""

    sitemap_x_default = opt.Optional(opt.Type(str))
    """The language a search engine shows a reader whose language we don't have; unset: the
    default language of static-i18n's `languages`."""
