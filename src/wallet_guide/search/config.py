from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class SearchConfig(Config):
    enabled = opt.Type(bool, default=True)
    """Write a search index per language and add the search box."""

    index_dir = opt.Type(str, default="search")
    """Folder of the indexes, relative to the site root: one sub-folder per language."""

    index_term_shard_bytes = opt.Type(int, default=12_000)
    """Target size of one file of the term index, before compression."""

    index_max_postings = opt.Type(int, default=400)
    """Keep, for each term, only this many best-matching sections."""
