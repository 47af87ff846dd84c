from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class ThemeFixesConfig(Config):
    enabled = opt.Type(bool, default=True)
    """Apply our corrections to the HTML that Material writes."""
