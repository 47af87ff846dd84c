"""The allow-list of portal origins that may frame the guide and exchange messages with it."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

DEFAULT_PORTS = {"http": 80, "https": 443}
HOST = re.compile(
    r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$|^\[[0-9a-f:.]+\]$"
)
EXAMPLE = "https://support.example.com"


class OriginError(ValueError):
    """A value of the allow-list that is not an origin; the message says how to fix it."""


def normalize_origin(value: object) -> str:
    """``value`` as browsers write an origin (``event.origin``): lower case, no default port.

    Raises OriginError for anything that is not ``scheme://host[:port]``.
    """
    if not isinstance(value, str) or not value.strip():
        raise OriginError(f"{value!r} is not an origin: write scheme://host[:port], e.g. {EXAMPLE}")
    text = value.strip()
    if text in {"*", "'self'", "self"}:
        raise OriginError(
            f"{text!r} is not allowed: the site's own origin is always allowed, and a wildcard "
            f"would let any site frame the guide and read its messages; list each portal, e.g. {EXAMPLE}"
        )
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise OriginError(f"{text!r} is not an origin: its port is not a number") from None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.netloc:
        raise OriginError(
            f"{text!r} is not an origin: it must start with https:// (or http://), e.g. {EXAMPLE}"
        )
    if parts.username is not None or parts.password is not None:
        raise OriginError(f"{text!r} is not an origin: remove the user name and password")
    extra = text[len(f"{parts.scheme}://{parts.netloc}") :]
    if extra:
        raise OriginError(
            f"{text!r} is not an origin: remove {extra!r}; an origin has no path, query or "
            f"trailing slash: {scheme}://{parts.netloc.lower()}"
        )
    host = (parts.hostname or "").lower()
    if "[" in parts.netloc:
        host = f"[{host}]"
    if not HOST.match(host):
        raise OriginError(f"{text!r} is not an origin: {host!r} is not a host name")
    if port is None or port == DEFAULT_PORTS[scheme]:
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def parse_origins(value: object) -> list[str]:
    """The allow-list from mkdocs.yml (a list) or from an environment variable (one string,
    origins separated by commas or spaces), normalized, in order, without duplicates."""
    if value is None:
        return []
    if isinstance(value, str):
        items: list[object] = [item for item in re.split(r"[,\s]+", value) if item]
    elif isinstance(value, list):
        items = list(value)
    else:
        raise OriginError(f"expected a list of origins, e.g. [{EXAMPLE}], got {value!r}")
    origins: list[str] = []
    for item in items:
        origin = normalize_origin(item)
        if origin not in origins:
            origins.append(origin)
    return origins
