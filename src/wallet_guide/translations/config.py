from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class TranslationsConfig(Config):
    enabled = opt.Type(bool, default=True)
    """Tell readers of a translation whose source page has changed since it was translated
    (the template variable ``wg_translation``, rendered by overrides/partials/translation-notice.html)."""
