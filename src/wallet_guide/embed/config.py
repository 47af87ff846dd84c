from __future__ import annotations

import os

from mkdocs.config import config_options as opt
from mkdocs.config.base import BaseConfigOption, Config, ValidationError

from wallet_guide.embed.origins import OriginError, parse_origins

ORIGINS_VARIABLE = "EMBED_ALLOWED_ORIGINS"


class AllowedOrigins(BaseConfigOption[list[str]]):
    """A list of origins. The EMBED_ALLOWED_ORIGINS environment variable, when set, replaces
    it (origins separated by commas). It is read here rather than with mkdocs.yml's `!ENV`,
    which parses the value as YAML: `*` would stop the build with a YAML traceback before
    this option could say what is wrong."""

    def __init__(self) -> None:
        super().__init__()
        self.default = []

    def run_validation(self, value: object) -> list[str]:
        from_environment = os.environ.get(ORIGINS_VARIABLE)
        if from_environment is not None:
            value = from_environment
        try:
            return parse_origins(value)
        except OriginError as error:
            # MkDocs prefixes the plugin and option names; say where the value came from.
            where = (
                f"in the {ORIGINS_VARIABLE} environment variable ({from_environment!r}), which "
                f"replaces mkdocs.yml's list"
                if from_environment is not None
                else f"in mkdocs.yml (or set the {ORIGINS_VARIABLE} environment variable, which replaces it)"
            )
            raise ValidationError(f"{where}: {error}") from None


class EmbedConfig(Config):
    enabled = opt.Type(bool, default=True)
    """Add the embed view, the message protocol, the content API and the _headers file."""

    embed_allowed_origins = AllowedOrigins()
    """Origins (scheme://host[:port]) of the portals that may frame the guide and exchange
    messages with it. The site's own origin is always allowed. The EMBED_ALLOWED_ORIGINS
    environment variable, when set, replaces the list (origins separated by commas)."""

    api_enabled = opt.Type(bool, default=True)
    """Write the content API: api/v1/<lang>/pages.json, its JSON Schema beside it."""

    releases_dir = opt.Type(str, default="data/embed-releases")
    """Where the embed.js files earlier deploys published are kept (relative to mkdocs.yml): each
    build publishes them again at embed/v1/immutable/, for the portals that pinned them."""

    headers_enabled = opt.Type(bool, default=True)
    """Write _headers (Netlify, Cloudflare Pages) with frame-ancestors from the allow-list."""
