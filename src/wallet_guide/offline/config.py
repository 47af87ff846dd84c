from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class OfflineConfig(Config):
    enabled = opt.Type(bool, default=True)
    """Register a service worker so visited pages and the checklist open without a network."""

    precache_pages = opt.ListOfItems(opt.Type(str), default=["checklist/", "solutions/", "support/"])
    """Pages (under a language root) saved with the first page a reader opens in that language:
    the checklist and the pages it leads to (the fixes; support, where its summary is).
    The notice's texts are `offline:` in data/interface/<language>.yml."""
