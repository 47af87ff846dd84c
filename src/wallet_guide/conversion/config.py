from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class GeneratedLanguagesConfig(Config):
    enabled = opt.Type(bool, default=True)
    """Build the generated languages (off: their pages are the source's, unconverted)."""

    conversion_dir = opt.Type(str, default="data/conversion")
    """One file per generated language, <lang>.yml (relative to mkdocs.yml): its source language,
    OpenCC configuration and reviewed overrides. A build language with a file here is generated."""
