from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class PageInfoConfig(Config):
    enabled = opt.Type(bool, default=True)
    """Show each page's last update (from git) and its keywords (front matter `keywords:`).
    Its labels are `page_info:` in data/interface/<language>.yml: `updated` ("Last updated:
    {date}"), `date` (with {year}, {month}, {day} and {month_name}, the English month name),
    `keywords` (the label before the tags) and `separator` (between two keywords)."""
