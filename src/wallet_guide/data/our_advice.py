"""The guide's own advice (data/our-advice.yml): texts that are not the article's, in one file
that says so. Read, checked (each mistake: file, line, fix) and typed here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from wallet_guide.data.fields import missing_texts, unknown_keys
from wallet_guide.data.yaml_file import read_yaml
from wallet_guide.data.yaml_lines import nearest_line

# The texts of the charged path, with what each holds (for messages).
CHARGED_FIELDS = {
    "tile": "the reader's words for it (tile and checklist box)",
    "title": "the heading of its section on the solutions page",
    "check": "what to check first",
    "taken": "what to do if the money was taken, with {link} and {support}",
    "not_taken": "what to do if it was not",
    "mark": "the label saying this is the guide's advice",
}
PLACEHOLDERS = {"taken": ("{link}", "{support}")}


@dataclass(frozen=True)
class Charged:
    contact_step: str  # the cause whose fix comes next when the money was taken
    check_before: tuple[str, ...]  # causes whose fix spends money again: the check comes first
    texts: Mapping[str, Mapping[str, str]]  # language code -> field -> text


def check_advice(
    data: object, lines: Mapping[tuple, int], name: str, cause_ids: Sequence[str], languages: Sequence[str]
) -> list[str]:
    def at(*path: object) -> str:
        return f"{name}:{nearest_line(lines, tuple(path))}"

    if not isinstance(data, dict) or not isinstance(data.get("charged"), dict):
        return [f"{at()}: the file must hold 'charged:' (see its header comment)"]
    charged = data["charged"]
    messages = []
    unknown = [key for key in data if key != "charged"]
    messages += [f"{at(key)}: unknown section '{key}' — the file holds charged:" for key in unknown]
    step = charged.get("contact_step")
    if step not in cause_ids:
        messages.append(
            f"{at('charged', 'contact_step')}: charged.contact_step {step!r} — use a cause id "
            f"({', '.join(cause_ids)})"
        )
    before = charged.get("check_before", [])
    if not isinstance(before, list) or any(cause not in cause_ids for cause in before):
        messages.append(
            f"{at('charged', 'check_before')}: charged.check_before must list cause ids "
            f"({', '.join(cause_ids)})"
        )
    for lang in languages:
        texts = charged.get(lang)
        if not isinstance(texts, dict):
            messages.append(f"{at('charged')}: missing 'charged.{lang}' — add the texts in that language")
            continue
        for field, what in CHARGED_FIELDS.items():
            if missing_texts(texts, [field]):
                messages.append(f"{at('charged', lang)}: missing 'charged.{lang}.{field}' — add {what}")
            else:
                value = texts[field]
                for placeholder in PLACEHOLDERS.get(field, ()):
                    if value.count(placeholder) != 1:
                        messages.append(
                            f"{at('charged', lang, field)}: 'charged.{lang}.{field}' must contain "
                            f"{placeholder} exactly once — it marks where the link goes"
                        )
        messages += [
            f"{at('charged', lang, field)}: unknown field 'charged.{lang}.{field}' — the "
            f"fields are {', '.join(CHARGED_FIELDS)}"
            for field in unknown_keys(texts, CHARGED_FIELDS)
        ]
    messages += [
        f"{at('charged', key)}: unknown field 'charged.{key}' — use contact_step, "
        f"check_before or a language ({', '.join(languages)})"
        for key in unknown_keys(charged, ("contact_step", "check_before", *languages))
    ]
    return messages


def load_advice(path: Path, name: str, cause_ids: Sequence[str], languages: Sequence[str]) -> Charged:
    """The charged path's advice; a mistake raises PluginError listing every one found."""
    try:
        document = read_yaml(path)
    except FileNotFoundError:
        raise PluginError(
            f"{name}: not found — the guide's own advice (the charged path) is read from it"
        ) from None
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 1
        raise PluginError(f"{name}:{line}: not valid YAML — {error.problem}") from error
    data = document.data
    messages = check_advice(data, document.lines, name, cause_ids, languages)
    if messages:
        raise PluginError("\n".join(messages))
    charged = data["charged"]
    return Charged(
        contact_step=charged["contact_step"],
        check_before=tuple(charged.get("check_before", [])),
        texts={lang: dict(charged[lang]) for lang in languages},
    )
