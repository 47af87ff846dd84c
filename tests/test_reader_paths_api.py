"""The reader's paths in the content API (api/v1/<lang>/checklist.json): the guided flow that
«不确定» opens (questions) and «charged, but it says failed» (charged), so that a portal can
render the same paths as the checklist. A fixture of its own for what the document holds; the
built site for what every language publishes, walked through the API alone."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest

from tests.generated import GENERATED, TRANSLATED, in_language
from tests.languages import CODES, ROOTS, interface_texts
from wallet_guide.data.checklist import Cause, CauseTexts, Checklist, Labels
from wallet_guide.data.our_advice import Charged, load_advice
from wallet_guide.data.questions import MAX_ANSWERS, load_questions, parse_questions
from wallet_guide.data.url_contract import load_contract
from wallet_guide.embed import api

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "data" / "schemas" / "api-checklist.schema.json").read_text(encoding="utf-8"))
CONTRACT = load_contract()
CAUSE_IDS = next(p for p in CONTRACT.pages if p.path == "causes/").ids
QUESTIONS = load_questions(ROOT / "data" / "checklist.yml", "data/checklist.yml", CAUSE_IDS, TRANSLATED)
ADVICE = load_advice(ROOT / "data" / "our-advice.yml", "data/our-advice.yml", CAUSE_IDS, TRANSLATED)
URLS = {
    "checklist": "https://guide.example/en/checklist/",
    "causes": "https://guide.example/en/causes/",
    "solutions": "https://guide.example/en/solutions/",
    "support": "https://guide.example/en/support/",
}


def fixture_checklist(charged: bool = True) -> Checklist:
    """Two causes, two questions, an advice of its own: nothing of the repository's data."""
    texts = {"en": CauseTexts(symptom="S", cause="C", fix="F", summary="Sum")}
    questions = parse_questions(
        [
            {
                "id": "first",
                "en": "Q1?",
                "answers": [
                    {"id": "paid", "to": "charged", "taken": "yes", "en": "Paid"},
                    {"id": "on", "to": "second", "taken": "no", "en": "On"},
                ],
            },
            {
                "id": "second",
                "en": "Q2?",
                "answers": [{"id": "x", "to": "a", "en": "X"}, {"id": "y", "to": "b", "en": "Y"}],
            },
        ]
    )
    advice = Charged(
        contact_step="b",
        check_before=("a",),
        texts={
            "en": {
                "tile": "Tile",
                "title": "Title",
                "check": "Check",
                "taken": "Go {link}, or {support}",
                "not_taken": "Not taken",
                "mark": "Ours",
            }
        },
    )
    return Checklist(
        causes=(Cause("a", texts), Cause("b", texts)),
        labels={"en": Labels(**{f.name: f.name for f in fields(Labels)})},
        questions=questions,
        charged=advice if charged else None,
        guide_labels={"en": {"intro": "Intro", "result": "Result"}},
    )


def test_the_document_holds_the_guided_flow_and_the_charged_path():
    document = api.checklist_document(fixture_checklist(), "en", "https://guide.example/s.json", URLS)
    assert api.schema_errors(document, SCHEMA) == []
    assert document["guide_url"] == "https://guide.example/en/checklist/?tick=unsure"
    assert document["guide_labels"] == {"intro": "Intro", "result": "Result"}
    first, second = document["questions"]
    assert first == {
        "id": "first",
        "text": "Q1?",
        "answers": [
            {"id": "paid", "text": "Paid", "to": "charged", "taken": "yes"},
            {"id": "on", "text": "On", "to": "second", "taken": "no"},
        ],
    }
    assert "taken" not in second["answers"][0], "an answer says nothing about the money unless the data does"
    assert document["charged"] == {
        "id": "charged",
        "ours": True,
        "mark": "Ours",
        "tile": "Tile",
        "title": "Title",
        "check": "Check",
        "taken": "Go {link}, or {support}",
        "not_taken": "Not taken",
        "url": "https://guide.example/en/checklist/#charged",
        "tick_url": "https://guide.example/en/checklist/?tick=charged",
        "section_url": "https://guide.example/en/solutions/#charged",
        "contact_step": "b",
        "contact_url": "https://guide.example/en/solutions/#b",
        "check_before": ["a"],
    }


def test_without_the_advice_the_document_has_no_charged_path_and_still_matches_its_schema():
    document = api.checklist_document(
        fixture_checklist(charged=False), "en", "https://guide.example/s.json", URLS
    )
    assert "charged" not in document
    assert api.schema_errors(document, SCHEMA) == []


def test_the_schema_refuses_an_answer_that_leads_nowhere_it_names():
    document = api.checklist_document(fixture_checklist(), "en", "https://guide.example/s.json", URLS)
    document["questions"][0]["answers"][0]["taken"] = "maybe"
    del document["questions"][1]["answers"][0]["to"]
    errors = api.schema_errors(document, SCHEMA)
    assert any("questions/0/answers/0/taken" in e for e in errors), errors
    assert any("questions/1/answers/0" in e and "'to'" in e for e in errors), errors


# ---- The built site: every language, walked through the API alone ---------------------------------


def published(site: Path, lang: str) -> dict:
    return json.loads((site / "api" / "v1" / lang / "checklist.json").read_text(encoding="utf-8"))


def walk(document: dict) -> dict[str, list[str]]:
    """Target (a cause id or "charged") -> the fewest answers from the first question that reach
    it, following only what the document says."""
    questions = {q["id"]: q for q in document["questions"]}
    found: dict[str, list[str]] = {}
    todo = [(document["questions"][0]["id"], [])]
    while todo:
        at, given = todo.pop(0)
        for answer in questions[at]["answers"]:
            path = [*given, answer["id"]]
            if answer["to"] in questions:
                todo.append((answer["to"], path))
            else:
                found.setdefault(answer["to"], path)
    return found


@pytest.mark.parametrize("lang", CODES)
def test_a_portal_reaches_every_cause_and_the_charged_path_from_the_api_alone(site, base_url, lang):
    document = published(site, lang)
    causes = [cause["id"] for cause in document["causes"]]
    reached = walk(document)
    assert set(reached) == {*causes, "charged"}
    assert max(len(path) for path in reached.values()) <= MAX_ANSWERS
    root = f"{base_url}/{ROOTS[lang]}"
    assert document["guide_url"] == f"{root}checklist/?tick=unsure"
    # Each question and answer in the document's language (generated languages converted).
    for question, source in zip(document["questions"], QUESTIONS, strict=True):
        assert question["text"] == in_language(dict(source.texts), lang)
        assert [a["text"] for a in question["answers"]] == [
            in_language(dict(a.texts), lang) for a in source.answers
        ]
    assert document["guide_labels"] == interface_texts(lang)["guide"]
    charged = document["charged"]
    assert charged["ours"] is True
    assert charged["tile"] == in_language({code: ADVICE.texts[code]["tile"] for code in TRANSLATED}, lang)
    assert charged["mark"] == in_language({code: ADVICE.texts[code]["mark"] for code in TRANSLATED}, lang)
    assert charged["contact_step"] in causes and set(charged["check_before"]) <= set(causes)
    assert charged["contact_url"] == f"{root}solutions/#{charged['contact_step']}"
    assert charged["section_url"] == f"{root}solutions/#charged"
    # The ids the API links to exist on the pages it names.
    checklist_page = (site / ROOTS[lang] / "checklist" / "index.html").read_text(encoding="utf-8")
    solutions_page = (site / ROOTS[lang] / "solutions" / "index.html").read_text(encoding="utf-8")
    assert 'id="charged"' in checklist_page and 'id="charged"' in solutions_page
    if lang in GENERATED:
        assert charged["tile"] != published(site, GENERATED[lang][0])["charged"]["tile"]
