from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import BaseConfigOption, Config, ValidationError

from wallet_guide.embed.origins import OriginError, parse_origins

ORIGINS_VARIABLE = "EMBED_ALLOWED_ORIGINS"


class AllowedOrigins(BaseConfigOption[list[str]]):
    """A list of origins; a string (from `!ENV`) holds them separated by commas."""

    def __init__(self) -> None:
        super().__init__()
        self.default = []

    def run_validation(self, value: object) -> list[str]:
        try:
            return parse_origins(value)
        except OriginError as error:
            # MkDocs prefixes the plugin and option names; say where the value came from.
            raise ValidationError(
                f"in mkdocs.yml (or the {ORIGINS_VARIABLE} environment variable, which replaces "
                f"it): {error}"
            ) from None


class EmbedConfig(Config):
    enabled = opt.Type(bool, default=True)
    """Add the embed view, the message protocol, the content API and the _headers file."""

    embed_allowed_origins = AllowedOrigins()
    """Origins (scheme://host[:port]) of the portals that may frame the guide and exchange
    messages with it. The site's own origin is always allowed. mkdocs.yml reads the
    EMBED_ALLOWED_ORIGINS environment variable first (origins separated by commas)."""

    api_enabled = opt.Type(bool, default=True)
    """Write the content API: api/v1/<lang>/pages.json, its JSON Schema beside it."""

    headers_enabled = opt.Type(bool, default=True)
    """Write _headers (Netlify, Cloudflare Pages) with frame-ancestors from the allow-list."""
