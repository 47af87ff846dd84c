from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class SearchConfig(Config):
    enabled = opt.Type(bool, default=True)
    """Write a search index per language and add the search box."""

    index_dir = opt.Type(str, default="search")
    """Folder of the indexes, relative to the site root (may be nested: `search/v2`): one
    sub-folder per language. search.js finds it in the page's settings block."""

    index_term_shard_bytes = opt.Type(int, default=12_000)
    """Target size of one file of the term index, before compression."""

    index_max_postings = opt.Type(int, default=400)
    """Keep, for each term, only this many best-matching sections."""

    offline_index_max_kib = opt.Type(int, default=1024)
    """The whole index in one file (`<index_dir>/<lang>.json`), which the service worker saves in
    the background after a reader's first visit so that search works offline, is written only
    up to this size (uncompressed): a much larger site would cost a phone too much data."""

    vocabulary_file = opt.Type(str, default="data/reader-vocabulary.yml")
    """Readers' words for each section (relative to mkdocs.yml); missing file: no vocabulary."""

    vocabulary_at = opt.Choice(("index", "query"), default="index")
    """Where the vocabulary applies: `index` puts each section's aliases in its index entry
    (weighted like its heading); `query` ships alias -> words for the search box to expand a
    query with. docs-dev/decisions/0005-reader-vocabulary-and-folding.md has the measurement behind the default."""

    index_pages = opt.Type(bool, default=True)
    """Index every page unless its front matter says `search: {exclude: true}`; false: index
    only pages whose front matter says `search: {exclude: false}`. What the dialog offers when nothing matches, if anything, is `search_no_results:` in
    data/interface/<language>.yml: `text` and `links`, a list of {page: a page file, text: …}."""

    folding_file = opt.Type(str, default="data/search-folding.yml")
    """Readers' written Cantonese and colloquial words, fillers and failure words (relative to
    mkdocs.yml; wallet_guide.search.colloquial); missing file: none."""

    background_pages = opt.Type(list, default=[])
    """Page files (inside a language folder: best-practices.md) whose sections are background,
    not an answer: a query describing a failure ranks the causes and fixes above them."""
