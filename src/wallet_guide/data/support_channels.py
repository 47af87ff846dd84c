"""A deployment's real customer-support channels (data/support-channels.yml, absent or empty by
default: the support page then lists the article's channel types only, as always). Each channel
becomes an action: a phone number a ``tel:`` link, an e-mail address a ``mailto:`` link whose
body checklist.js fills with the reader's summary, a chat or web address an https link.
Nothing here invents a provider: the file is the deployment's.

    channels:
      - kind: email                 # phone | email | chat | web
        address: help@example.com
        name: {zh: 邮件客服, en: Email customer service}
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import yaml
from mkdocs.exceptions import PluginError

from wallet_guide.data.fields import missing_texts, unknown_keys
from wallet_guide.data.yaml_file import read_yaml
from wallet_guide.data.yaml_lines import nearest_line

KINDS = ("phone", "email", "chat", "web")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{2,30}[0-9]$")
_EMAIL = re.compile(r"^[^@\s<>\"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_EXAMPLES = {
    "phone": "digits with an optional leading + and spaces or hyphens, as on a phone's dial pad",
    "email": "an address such as help@your-domain",
    "chat": "an https:// address",
    "web": "an https:// address",
}


@dataclass(frozen=True)
class Channel:
    kind: str
    address: str
    href: str  # tel:…, mailto:…, https://…
    names: Mapping[str, str]  # language code -> the channel's name


def href_of(kind: str, address: str) -> str | None:
    """The link of a channel, or None when the address does not fit its kind."""
    if kind == "phone" and _PHONE.match(address):
        return "tel:" + re.sub(r"[ ()-]", "", address)
    if kind == "email" and _EMAIL.match(address):
        return "mailto:" + quote(address, safe="@.+-_")
    if kind in ("chat", "web"):
        parts = urlsplit(address)
        if parts.scheme == "https" and parts.netloc and " " not in address:
            return address
    return None


def check_channels(
    data: object, lines: Mapping[tuple, int], name: str, languages: Sequence[str]
) -> list[str]:
    def at(*path: object) -> str:
        return f"{name}:{nearest_line(lines, tuple(path))}"

    if data is None:
        return []
    if not isinstance(data, dict) or set(data) - {"channels"}:
        return [f"{at()}: the file holds 'channels:', a list (see wallet_guide/data/support_channels.py)"]
    channels = data.get("channels") or []
    if not isinstance(channels, list):
        return [f"{at('channels')}: 'channels' must be a list of channels (- kind: …)"]
    messages = []
    for index, channel in enumerate(channels):
        where = f"channel {index + 1}"
        if not isinstance(channel, dict):
            messages.append(f"{at('channels', index)}: {where}: must hold kind, address and name")
            continue
        kind, address = channel.get("kind"), channel.get("address")
        if kind not in KINDS:
            messages.append(
                f"{at('channels', index, 'kind')}: {where}: kind {kind!r} — use one of {', '.join(KINDS)}"
            )
        elif not isinstance(address, str) or href_of(kind, address.strip()) is None:
            messages.append(
                f"{at('channels', index, 'address')}: {where}: address {address!r} is not a "
                f"{kind} address — write {_EXAMPLES[kind]}"
            )
        names = channel.get("name")
        if not isinstance(names, dict):
            messages.append(
                f"{at('channels', index)}: {where}: missing 'name' — add a name per language "
                f"({', '.join(languages)}), e.g. name: {{{languages[0]}: …}}"
            )
        else:
            messages += [
                f"{at('channels', index, 'name')}: {where}: missing 'name.{lang}' — add its name in that language"
                for lang in missing_texts(names, languages)
            ]
        messages += [
            f"{at('channels', index, key)}: {where}: unknown field '{key}' — the fields are kind, address, name"
            for key in unknown_keys(channel, ("kind", "address", "name"))
        ]
    return messages


def load_channels(path: Path, name: str, languages: Sequence[str]) -> tuple[Channel, ...]:
    """The deployment's channels; () when the file is absent or empty."""
    try:
        document = read_yaml(path)
    except FileNotFoundError:
        return ()
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 1
        raise PluginError(f"{name}:{line}: not valid YAML — {error.problem}") from error
    data = document.data
    messages = check_channels(data, document.lines, name, languages)
    if messages:
        raise PluginError("\n".join(messages))
    return tuple(
        Channel(
            kind=channel["kind"],
            address=channel["address"].strip(),
            href=href_of(channel["kind"], channel["address"].strip()) or "",
            names=dict(channel["name"]),
        )
        for channel in ((data or {}).get("channels") or [])
    )
