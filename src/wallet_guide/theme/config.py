from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class FooterLink(Config):
    page = opt.Type(str)
    """A page, by its file name inside each language folder (integrate.md)."""

    text = opt.Type(dict)
    """The link's text, per language."""


class ThemeFixesConfig(Config):
    enabled = opt.Type(bool, default=True)
    """Apply our corrections to the HTML that Material writes."""

    footer_links = opt.ListOfItems(opt.SubConfig(FooterLink), default=[])
    """Pages linked from every page's footer in its language, e.g. one kept out of the nav."""

    short_titles = opt.Type(dict, default={})
    """Per language: the header's title on a phone, where the site's name would be cut."""

    not_found = opt.Type(dict, default={})
    """Per language: the 404 page's title, text, and the labels of its search button and of its
    links to the checklist and the home page (title, text, search, checklist, home)."""
