"""Front matter is valid: checked against data/schemas/front-matter.schema.json (JSON Schema), so
the rules live in one file; each property's ``description`` there is the fix we print."""

from __future__ import annotations

import difflib
import json
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError, ValidationError

from guide_tools.checks.markdown import Page
from guide_tools.checks.problem import Problem, missing_file
from guide_tools.checks.project import FRONT_MATTER_SCHEMA, Project

# JSON Schema's type names, as a translator reads them.
JSON_TYPES = {
    "string": "text (a string)",
    "boolean": "true or false (a boolean)",
    "integer": "a whole number (an integer)",
    "number": "a number",
    "array": "a list (an array)",
    "object": "a mapping (an object)",
    "null": "empty (null)",
}
PYTHON_TYPES = {
    str: "string",
    bool: "boolean",
    int: "integer",
    float: "number",
    list: "array",
    dict: "object",
}


def load_validator(project: Project) -> tuple[Draft202012Validator | None, list[Problem]]:
    file = project.root / FRONT_MATTER_SCHEMA
    if not file.exists():
        return None, [missing_file(FRONT_MATTER_SCHEMA)]
    try:
        schema = json.loads(file.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
    except json.JSONDecodeError as error:
        return None, [
            Problem(FRONT_MATTER_SCHEMA, error.lineno, f"invalid JSON: {error.msg}", "fix the JSON syntax")
        ]
    except SchemaError as error:
        return None, [
            Problem(FRONT_MATTER_SCHEMA, 1, f"invalid JSON Schema: {error.message}", "fix the schema")
        ]
    return Draft202012Validator(schema), []


def _kind(value: Any) -> str:
    """The JSON type of a YAML value, in words."""
    name = "null" if value is None else PYTHON_TYPES.get(type(value), type(value).__name__)
    return JSON_TYPES.get(name, name)


def _property_help(schema: dict[str, Any], key: str) -> str:
    return schema.get("properties", {}).get(key, {}).get("description", "see " + FRONT_MATTER_SCHEMA)


def misspelt(meta: dict[str, Any], schema: dict[str, Any]) -> dict[str, str]:
    """Unknown key -> the key of the schema it is a misspelling of ("desciption" -> "description")."""
    known = list(schema.get("properties", {}))
    return {
        key: guess[0]
        for key in meta
        if key not in known and (guess := difflib.get_close_matches(str(key), known, n=1, cutoff=0.75))
    }


def describe(error: ValidationError, page: Page, schema: dict[str, Any]) -> list[Problem]:
    """One JSON Schema error as problems a translator understands, on the right line; a key
    missing because it is misspelt is named once, on the misspelt line."""
    typos = misspelt(page.meta or {}, schema)
    key = str(error.path[0]) if error.path else None
    line = page.meta_lines.get(key, 1) if key else 1
    # jsonschema types these "or Unset" for errors built by hand; iter_errors always sets them.
    instance: Any = error.instance
    expected: Any = error.validator_value
    if error.validator == "required":
        return [
            Problem(
                page.path,
                1,
                f"the front matter has no '{missing}'",
                f"add a line `{missing}: …` between the --- lines: {_property_help(schema, missing)}",
            )
            for missing in expected
            if missing not in instance and missing not in typos.values()
        ]
    if error.validator == "additionalProperties" and not error.path:
        allowed = ", ".join(schema.get("properties", {}))
        return [
            Problem(
                page.path,
                page.meta_lines.get(extra, 1),
                f"unknown front matter key '{extra}'",
                f"did you mean '{typos[extra]}'?"
                if extra in typos
                else f"fix its spelling or remove it; the keys a page can have: {allowed}",
            )
            for extra in instance
            if extra not in schema.get("properties", {})
        ]
    if error.validator == "type":
        json_type = expected if isinstance(expected, str) else expected[0]
        message = (
            f"front matter '{key}' must be {JSON_TYPES.get(json_type, json_type)}, not {_kind(instance)}"
        )
    elif error.validator == "minLength":
        message = f"front matter '{key}' is too short ({len(instance)} characters; at least {expected})"
    elif error.validator == "pattern":
        message = f"front matter '{key}' has the wrong form: {instance!r}"
    else:
        message = f"front matter '{key}': {error.message}"
    return [
        Problem(page.path, line, message, f"{key}: {_property_help(schema, key)}" if key else error.message)
    ]


def check(project: Project) -> list[Problem]:
    validator, problems = load_validator(project)
    for page in sorted(project.pages.values(), key=lambda p: p.path):
        if page.meta_error:
            line, message, fix = page.meta_error
            problems.append(Problem(page.path, line, message, fix))
            continue
        if page.meta is None:
            fix = "start the file with a --- line, `title: …`, `description: …` and a closing --- line"
            problems.append(Problem(page.path, 1, "the page has no front matter", fix))
            continue
        if validator is None:
            continue
        # load_validator reads the schema as a JSON object; a boolean schema has no properties.
        schema = validator.schema if isinstance(validator.schema, dict) else {}
        for error in sorted(validator.iter_errors(page.meta), key=lambda e: [str(p) for p in e.path]):
            problems += describe(error, page, schema)
    return problems
