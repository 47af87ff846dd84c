"""What we take from the installed Material for MkDocs, found in it at build time rather than
copied into our templates (an upgrade would break the site without a word)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_theme_dir

THEME = "material"
BUNDLE_GLOB = "assets/javascripts/bundle.*.min.js"


def theme_dir() -> Path:
    return Path(get_theme_dir(THEME))


def bundle_path(templates: Path | None = None) -> str:
    """The site-root-relative path of Material's JavaScript bundle (its name carries a hash that
    changes with each release), e.g. ``assets/javascripts/bundle.a5f9d56c.min.js``."""
    templates = templates or theme_dir()
    found = sorted(path.relative_to(templates).as_posix() for path in templates.glob(BUNDLE_GLOB))
    if len(found) != 1:
        raise PluginError(
            f"wallet-guide-theme: expected one {BUNDLE_GLOB} in the installed Material theme "
            f"({templates}), found {len(found) or 'none'}{': ' + ', '.join(found) if found else ''}. "
            "material-loader.js loads that bundle on the first interaction (overrides/main.html): "
            "see where this Material version's base.html `{% block scripts %}` loads its bundle "
            "and update wallet_guide/theme/material.py."
        )
    return found[0]
