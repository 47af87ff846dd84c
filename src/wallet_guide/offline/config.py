from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class OfflineConfig(Config):
    enabled = opt.Type(bool, default=True)
    """Register a service worker so visited pages and the checklist open without a network."""

    precache_pages = opt.Type(list, default=["checklist/"])
    """Pages (under a language root) saved with the first page a reader opens in that language."""

    messages = opt.Type(dict, default={})
    """Per language: the offline notice's `title`, `text`, `checklist` and `home` link texts."""
