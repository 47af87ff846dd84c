"""The checklist's data file: read it, check it (JSON Schema, then the URL contract), type it,
with its interface texts (``checklist:`` of data/interface/<language>.yml, checked against the
schema's ``$defs/labels``).

Every mistake becomes one line naming the file, the line, the entry and what to write instead:
``data/checklist.yml:14: entry 3 (id 'channel'): missing 'en.fix' — add the English fix title``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, ValidationError
from mkdocs.exceptions import PluginError

from wallet_guide.data.fields import unknown_keys
from wallet_guide.data.headings import TitlePage
from wallet_guide.data.our_advice import Charged
from wallet_guide.data.questions import Question
from wallet_guide.data.support_channels import Channel
from wallet_guide.data.yaml_file import read_yaml

# What each field of a cause in the data file holds, as an error message names it.
CAUSE_FIELDS = {
    "symptom": "symptom (what the reader notices)",
    "summary": "fix summary",
}
# The titles are not in the data file: each is the heading with the cause's id on a page (the
# causes page for ``cause``, the solutions page for ``fix``), read by wallet_guide.data.headings.
TITLE_FIELDS = {"cause": "the cause's heading", "fix": "the step's heading"}


@dataclass(frozen=True)
class CauseTexts:
    symptom: str
    cause: str  # the heading of its section on the causes page, without its number
    fix: str  # the heading of its step on the solutions page, without its number
    summary: str


@dataclass(frozen=True)
class Cause:
    id: str
    texts: Mapping[str, CauseTexts]  # language code -> texts


@dataclass(frozen=True)
class Labels:
    """The checklist's interface texts in one language (``checklist:`` of data/interface/<code>.yml)."""

    legend: str
    hint: str
    cause: str
    fix: str
    fixes: str
    empty: str
    nothing_helped: str
    support: str
    reset: str
    status_none: str
    status_some: str
    unsure: str  # the box "not sure / none of these": every fix, in order
    status_unsure: str
    show_fixes: str  # the bar that brings the fixes into view
    triage_title: str  # the home page's way in (fragments/triage.html)
    triage_hint: str
    triage_unsure: str
    triage_search: str
    solved_question: str  # the end of each step on the solutions page (fragments/solved.html)
    solved_yes: str
    solved_no: str
    solved_no_last: str
    solved_thanks: str
    solved_next: str
    summary_title: str  # the summary for customer support (fragments/summary.html)
    summary_hint: str
    summary_subject: str
    summary_ticked: str
    summary_tried: str
    summary_nothing: str
    summary_language: str
    summary_time: str
    summary_copy: str
    summary_copied: str
    summary_share: str
    # In a portal's frame only: the button that hands the summary to the portal, and the hint
    # that says so (the reader's own hint promises nothing is sent).
    summary_hint_embed: str
    summary_send: str
    summary_sent: str


@dataclass(frozen=True)
class Checklist:
    causes: tuple[Cause, ...]  # in the order the fixes are tried
    labels: Mapping[str, Labels]  # language code -> texts
    # The reader's paths around the causes (the checklist plugin adds them after reading this file):
    questions: tuple[Question, ...] = ()  # the guided flow for «不确定» (questions: of this file)
    charged: Charged | None = None  # the guide's own advice: data/our-advice.yml
    channels: tuple[Channel, ...] = ()  # a deployment's support channels: data/support-channels.yml
    guide_labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # `guide:` texts


def language_name(code: str, names: Mapping[str, str]) -> str:
    """As the language switcher names the language (build_state.Language.name), else its code."""
    return names.get(code) or f"'{code}'"


class _Where:
    """Turns a path inside the data into "file:line: entry 3 (id 'x')" and "'en.fix'"."""

    def __init__(self, name: str, data: Any, lines: Mapping[tuple, int], names: Mapping[str, str]) -> None:
        self.name, self.data, self.lines, self.names = name, data, lines, names

    def line(self, path: Sequence) -> int:
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)

    def cause_id(self, index: int) -> str | None:
        cause = self.data["causes"][index]
        cause_id = cause.get("id") if isinstance(cause, dict) else None
        return cause_id if isinstance(cause_id, str) else None

    def entry(self, index: int) -> str:
        cause_id = self.cause_id(index)
        return f"entry {index + 1}" + (f" (id '{cause_id}')" if cause_id is not None else "")

    def prefix(self, path: Sequence) -> str:
        path = list(path)
        if len(path) >= 2 and path[0] == "causes" and isinstance(path[1], int):
            return f"{self.name}:{self.line(path)}: {self.entry(path[1])}: "
        return f"{self.name}:{self.line(path)}: {path[0] if path else 'the file'}: "


def _field(path: Sequence) -> str:
    """The dotted name of a field inside an entry: 'en.fix'."""
    path = list(path)
    if path[:1] == ["causes"] and len(path) >= 2:
        path = path[2:]
    return ".".join(str(part) for part in path)


def _help(parent: Sequence, key: str, names: Mapping[str, str]) -> str:
    """What to write for the field ``key`` of the object at ``parent``: "add the English fix title"."""
    parent = list(parent)
    language = language_name(str(parent[-1]), names) if parent else ""
    if parent[:1] == ["causes"] and len(parent) == 3 and key in CAUSE_FIELDS:
        return f"add the {language} {CAUSE_FIELDS[key]}"
    if not parent:
        return f"add the '{key}:' section (see the file's header comment)"
    return f"add '{key}'"


def schema_messages(error: ValidationError, where: _Where) -> list[str]:
    """One line per mistake that a JSON Schema error stands for."""
    path = list(error.absolute_path)
    at = where.prefix(path)
    is_entry = path[:1] == ["causes"] and len(path) == 2
    # jsonschema types these "or Unset" for errors built by hand; iter_errors always sets them.
    instance: Any = error.instance
    schema: Any = error.schema
    required: Any = error.validator_value
    if error.validator == "required":
        missing = [key for key in required if key not in instance]
        if is_entry:  # of an entry itself, only 'id' is required
            return [f"{at}missing 'id' — add the cause's section id, as on the causes page"]
        return [f"{at}missing '{_field([*path, key])}' — {_help(path, key, where.names)}" for key in missing]
    if error.validator == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        patterns = list(schema.get("patternProperties", {}))
        unknown = [
            key
            for key in instance
            if key not in allowed and not any(re.search(p, str(key)) for p in patterns)
        ]
        if not path and "labels" in unknown:  # where the interface texts were before
            return [
                f"{where.prefix(['labels'])}the checklist's interface texts are `checklist:` in "
                "data/interface/<language>.yml — move each language's texts there"
            ]
        if is_entry:
            return [
                f"{where.prefix([*path, key])}'{key}' is not a language code — put the texts "
                "under a language (zh:, en:, …)"
                for key in unknown
            ]
        # A cause's texts in one language: its titles are its sections' headings, not data.
        section = where.cause_id(path[1]) if len(path) == 3 and isinstance(path[1], int) else None
        return [
            f"{where.prefix([*path, key])}'{_field([*path, key])}' is not written here: the "
            f"checklist shows {TITLE_FIELDS[key]} of the section {{#{section}}} — "
            "remove the line (to change the title, change the heading on the page)"
            if section and key in TITLE_FIELDS
            else f"{where.prefix([*path, key])}unknown field '{_field([*path, key])}' — the fields are "
            f"{', '.join(allowed)}"
            for key in unknown
        ]
    if len(path) == 3 and path[0] == "causes" and path[2] == "id":
        return [
            f"{at}id {error.instance!r} is not a section id — use lower-case letters, digits and "
            "hyphens, as on the causes page"
        ]
    if error.validator == "type" and error.validator_value == "object" and path:
        return [f"{at}'{_field(path) or path[-1]}' must hold named fields (key: value lines)"]
    if error.validator == "type" and error.validator_value == "string":
        return [f"{at}'{_field(path)}' must be text — {_help(path[:-1], str(path[-1]), where.names)}"]
    if error.validator == "pattern" and isinstance(error.instance, str):
        placeholder = _placeholder(error)
        if placeholder:
            return [
                f"{at}'{_field(path)}' must contain {placeholder} exactly once — it marks where "
                "the checklist puts the link or the number"
            ]
        return [f"{at}'{_field(path)}' is empty — {_help(path[:-1], str(path[-1]), where.names)}"]
    if error.validator == "minItems":
        return [f"{at}no causes — add one entry per cause of the URL contract"]
    return [f"{at}{error.message}"]


def _placeholder(error: ValidationError) -> str | None:
    pattern = str(error.validator_value)
    for token in ("{link}", "{support}", "{count}", "{language}"):
        if token.replace("{", "\\{").replace("}", "\\}") in pattern:
            return token
    return None


def contract_messages(
    data: Mapping[str, Any], where: _Where, cause_ids: Sequence[str], languages: Sequence[str]
) -> list[str]:
    """The checks a schema cannot make: ids and languages against the URL contract."""
    messages: list[str] = []
    seen: dict[str, int] = {}
    listed = ", ".join(cause_ids)
    known = [cause["id"] for cause in data["causes"] if cause["id"] in cause_ids]
    for index, cause in enumerate(data["causes"]):
        at = where.prefix(["causes", index, "id"])
        cause_id = cause["id"]
        if cause_id not in cause_ids:
            messages.append(
                f"{at}unknown id '{cause_id}' — use a cause id of the URL contract ({listed}), "
                "or add the cause there first"
            )
        elif cause_id in seen:
            messages.append(
                f"{at}duplicate id '{cause_id}' — entry {seen[cause_id] + 1} has it already; "
                "list each cause once"
            )
        else:
            seen[cause_id] = index
        for language in languages:
            if language not in cause:
                messages.append(
                    f"{where.prefix(['causes', index])}missing '{language}' — add the "
                    f"{language_name(language, where.names)} texts ({', '.join(CAUSE_FIELDS)})"
                )
        messages += [
            f"{where.prefix(['causes', index, language])}unknown language '{language}' — "
            f"the URL contract's languages are {', '.join(languages)}"
            for language in unknown_keys(cause, ("id", *languages))
        ]
    for cause_id in cause_ids:
        if cause_id not in seen:
            messages.append(
                f"{where.name}:{where.line(['causes'])}: causes: no entry for the cause "
                f"'{cause_id}' — add one (the URL contract lists it)"
            )
    unique_known = list(dict.fromkeys(known))
    expected = [cause_id for cause_id in cause_ids if cause_id in unique_known]
    if unique_known != expected:
        messages.append(
            f"{where.name}:{where.line(['causes'])}: causes: the entries are in the order "
            f"{', '.join(unique_known)} — list them in the order of the URL contract ({listed}), "
            "which is the order of the steps on the solutions page"
        )
    return messages


def title_messages(
    data: Mapping[str, Any], where: _Where, titles: Mapping[str, Mapping[str, TitlePage]]
) -> list[str]:
    """Every title the pages lack: ``titles`` is, per language and title field (cause, fix),
    the page whose heading with the cause's id is that title."""
    messages: list[str] = []
    for lang, pages in titles.items():
        for kind, page in pages.items():
            if page.sections is None:
                messages.append(
                    f"{page.name}: not found — the checklist shows {TITLE_FIELDS[kind]} of each "
                    f"cause on it as the {language_name(lang, where.names)} {kind} title"
                )
                continue
            for index, cause in enumerate(data["causes"]):
                if cause["id"] not in page.sections:
                    messages.append(
                        f"{where.prefix(['causes', index, 'id'])}{page.name} has no heading "
                        f"{{#{cause['id']}}} — the checklist shows {TITLE_FIELDS[kind]} as the "
                        f"{language_name(lang, where.names)} {kind} title: give the heading of that "
                        f"section the id {{#{cause['id']}}} (CONTRIBUTING.md, 'Add a cause')"
                    )
    return messages


def label_messages(
    labels: Mapping[str, Any],
    schema: Mapping[str, Any],
    at: Callable[[str, Sequence], str],
    names: Mapping[str, str],
) -> list[str]:
    """Every mistake in each language's checklist interface texts (``labels``: code -> texts),
    one message each; ``at(code, path)`` says where a text is ("data/interface/en.yml:12")."""
    defs = schema["$defs"]
    validator = Draft202012Validator({"$defs": defs, **defs["labels"]})
    messages: list[str] = []
    for lang, texts in labels.items():
        errors = sorted(validator.iter_errors(texts), key=lambda e: [str(p) for p in e.absolute_path])
        for error in errors:
            path = [str(part) for part in error.absolute_path]
            where = f"{at(lang, path)}: "
            field = ".".join(["checklist", *path])
            if error.validator == "required":
                messages += [
                    f"{where}missing 'checklist.{key}' — add the {language_name(lang, names)} "
                    f"interface text '{key}'"
                    for key in error.validator_value
                    if key not in error.instance
                ]
            elif error.validator == "additionalProperties":
                allowed = list(error.schema.get("properties", {}))
                messages += [
                    f"{at(lang, [key])}: unknown text 'checklist.{key}' — the texts are {', '.join(allowed)}"
                    for key in error.instance
                    if key not in allowed
                ]
            elif error.validator == "type" and error.validator_value == "object":
                messages.append(f"{where}'checklist' must hold named texts (key: value lines)")
            elif error.validator == "type":
                messages.append(f"{where}'{field}' must be text — write it in this language")
            elif error.validator == "pattern" and isinstance(error.instance, str):
                placeholder = _placeholder(error)
                messages.append(
                    f"{where}'{field}' must contain {placeholder} exactly once — it marks where the "
                    "checklist puts the link or the number"
                    if placeholder
                    else f"{where}'{field}' is empty — write it in this language"
                )
            else:
                messages.append(f"{where}{error.message}")
    return _unique(messages)


def check(
    data: Any,
    schema: Mapping[str, Any],
    lines: Mapping[tuple, int],
    name: str,
    cause_ids: Sequence[str],
    languages: Sequence[str],
    names: Mapping[str, str] | None = None,
    titles: Mapping[str, Mapping[str, TitlePage]] | None = None,
) -> list[str]:
    """Every mistake in ``data``, one message each, in file order; [] when it is right.
    ``names``: language code -> the name a message gives it (build_state.Language.name);
    ``titles``: the pages the titles are read from (:func:`title_messages`)."""
    if not isinstance(data, dict):
        return [f"{name}:1: the file must hold 'causes:' (see its header comment)"]
    where = _Where(name, data, lines, names or {})
    errors = sorted(
        Draft202012Validator(schema).iter_errors(data),
        key=lambda e: (where.line(e.absolute_path), [str(p) for p in e.absolute_path]),
    )
    messages = _unique(m for error in errors for m in schema_messages(error, where))
    if messages:
        return messages
    return contract_messages(data, where, cause_ids, languages) or title_messages(data, where, titles or {})


def _unique(messages: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(messages))


def parse(
    data: Mapping[str, Any],
    labels: Mapping[str, Mapping[str, str]],
    names: Mapping[str, str] | None = None,
    titles: Mapping[str, Mapping[str, TitlePage]] | None = None,
) -> Checklist:
    """Typed records of data that :func:`check` accepted (with the titles of ``titles``' pages),
    and of ``labels`` (code -> texts) that :func:`label_messages` accepted; the summary's «page
    language» line names the language as the switcher does (``names``: code -> name), so that
    zh-tw and zh-hk, whose texts are zh's converted, say which Chinese they are."""

    def title(lang: str, kind: str, cause_id: str) -> str:
        sections = (titles or {})[lang][kind].sections
        return sections[cause_id].title if sections else ""

    return Checklist(
        causes=tuple(
            Cause(
                cause["id"],
                {
                    lang: CauseTexts(
                        **texts, **{kind: title(lang, kind, cause["id"]) for kind in TITLE_FIELDS}
                    )
                    for lang, texts in cause.items()
                    if lang != "id"
                },
            )
            for cause in data["causes"]
        ),
        labels={
            lang: Labels(**_named(texts, language_name(lang, names or {}))) for lang, texts in labels.items()
        },
    )


def _named(texts: Mapping[str, str], name: str) -> dict[str, str]:
    """A language's checklist texts with {language} filled in (summary_language)."""
    return {**texts, "summary_language": texts["summary_language"].replace("{language}", name)}


def load_checklist(
    path: Path,
    schema_path: Path,
    cause_ids: Sequence[str],
    languages: Sequence[str],
    name: str | None = None,
    names: Mapping[str, str] | None = None,
    *,
    labels: Mapping[str, Any],
    labels_at: Callable[[str, Sequence], str] | None = None,
    titles: Mapping[str, Mapping[str, TitlePage]],
) -> Checklist:
    """Read and check the data file and ``labels``, each language's interface texts (code ->
    texts; ``labels_at(code, path)`` names where one is), with each cause's titles from the
    pages of ``titles`` (code -> "cause"/"fix" -> the page; every language of ``languages``);
    a mistake raises PluginError listing every one found."""
    name = name or str(path)
    try:
        document = read_yaml(path)
    except FileNotFoundError:
        raise PluginError(f"{name}: not found — the checklist plugin reads its texts from it") from None
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 1
        raise PluginError(f"{name}:{line}: not valid YAML — {error.problem}") from error
    except yaml.YAMLError as error:
        raise PluginError(f"{name}: not valid YAML — {error}") from error
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    data = document.data
    messages = check(data, schema, document.lines, name, cause_ids, languages, names, titles)
    where = labels_at or (lambda lang, path: f"checklist texts of {lang}")
    messages += label_messages(labels, schema, where, names or {})
    if messages:
        raise PluginError("\n".join(messages))
    return parse(data, labels, names, titles)
