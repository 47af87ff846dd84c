from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class ChecklistConfig(Config):
    enabled = opt.Type(bool, default=True)
    """Render the checklist where a page holds the marker, and add its script and styles."""

    data_file = opt.Type(str, default="data/checklist.yml")
    """The checklist's texts, per cause and language (relative to mkdocs.yml)."""

    data_schema = opt.Type(str, default="data/schemas/checklist.schema.json")
    """The JSON Schema that ``data_file`` must follow (relative to mkdocs.yml)."""

    contract_file = opt.Type(str, default="data/url-contract.yml")
    """The URL contract: its ``links_causes`` page lists the cause ids, its languages the
    translations every entry needs (relative to mkdocs.yml)."""

    links_causes = opt.Type(str, default="causes/")
    """The page whose section ``#<id>`` explains a cause (a path of the URL contract)."""

    links_solutions = opt.Type(str, default="solutions/")
    """The page whose section ``#<id>`` is the fix for a cause (a path of the URL contract)."""

    links_support = opt.Type(str, default="support/")
    """Where a reader goes when nothing is ticked or nothing helped (a path of the URL contract)."""

    links_checklist = opt.Type(str, default="checklist/")
    """The checklist's own page, where the home page's way in leads (a path of the URL contract)."""

    feedback_endpoint = opt.Optional(opt.Type(str))
    """Off by default. An address (https://…, or a path of this site such as /feedback) that
    receives each «solved?» answer of the solutions page as a small JSON POST
    (navigator.sendBeacon: {"step", "solved", "lang", "page"}). Nothing else is ever sent."""

    anchors_page = opt.Type(str, default="checklist.md")
    """The page (file name inside each language folder) whose checklist items carry the bare cause
    ids, as the URL contract's ``checklist/`` row promises. Elsewhere, for example on /causes/,
    whose headings have those ids, the items' ids are prefixed with ``wg-check-``."""

    advice_file = opt.Type(str, default="data/our-advice.yml")
    """The guide's own advice, not the article's (the charged path), in one file that says so."""

    support_channels_file = opt.Type(str, default="data/support-channels.yml")
    """A deployment's real support channels (phone, email, chat, web). Absent or empty: the
    support page lists the article's channel types only. Relative to mkdocs.yml."""
