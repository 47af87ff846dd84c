"""The guided flow for «不确定» (``questions:`` of data/checklist.yml): one question at a time,
each answer leading to the next question, to a cause's fix, or to the charged path.

Checked here rather than by the JSON Schema alone, because what matters is the flow: every
target exists, no question comes back, every cause is reached in at most ``MAX_ANSWERS``
answers. Each mistake is one line naming the file, the line and the fix.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from wallet_guide.data.yaml_file import read_yaml
from wallet_guide.data.yaml_lines import nearest_line

MAX_ANSWERS = 4  # answers from the first question to any cause's fix
TAKEN = ("yes", "no", "unknown")  # what an answer may say about the money (the summary's field)
CHARGED = "charged"  # the money was taken: data/our-advice.yml
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Answer:
    id: str
    to: str  # a question id, a cause id or CHARGED
    texts: Mapping[str, str]  # language code -> the answer's words
    taken: str | None = None  # whether the money was taken, as the answer says (TAKEN), for the summary


@dataclass(frozen=True)
class Question:
    id: str
    texts: Mapping[str, str]  # language code -> the question
    answers: tuple[Answer, ...]


def check_questions(
    data: Any,
    lines: Mapping[tuple, int],
    name: str,
    cause_ids: Sequence[str],
    languages: Sequence[str],
) -> list[str]:
    """Every mistake in ``questions:`` (``data`` is that list), one message each; [] when right."""

    def at(*path: Any) -> str:
        return f"{name}:{nearest_line(lines, ('questions', *path))}: questions"

    if not isinstance(data, list) or not data:
        return [f"{at()}: must list the guided flow's questions (see the header comment above it)"]
    messages: list[str] = []
    question_ids: list[str] = []
    answer_ids: dict[str, int] = {}
    for q_index, question in enumerate(data):
        where = f"{at(q_index)}: question {q_index + 1}"
        if not isinstance(question, dict):
            messages.append(f"{where}: must hold id, the question per language and answers")
            continue
        qid = question.get("id")
        if not isinstance(qid, str) or not _ID.match(qid):
            messages.append(f"{where}: id {qid!r} — use lower-case letters, digits and hyphens")
        elif qid in question_ids or qid in cause_ids or qid == CHARGED:
            messages.append(f"{where}: id '{qid}' is taken — give each question an id of its own")
        else:
            question_ids.append(qid)
        messages += _texts(question, languages, f"{where}", "the question", {"id", "answers"}, at(q_index))
        answers = question.get("answers")
        if not isinstance(answers, list) or len(answers) < 2:
            messages.append(f"{at(q_index, 'answers')}: question {q_index + 1}: give it at least two answers")
            continue
        for a_index, answer in enumerate(answers):
            a_where = f"{at(q_index, 'answers', a_index)}: question {q_index + 1}, answer {a_index + 1}"
            if not isinstance(answer, dict):
                messages.append(f"{a_where}: must hold id, to and the answer per language")
                continue
            aid = answer.get("id")
            if not isinstance(aid, str) or not _ID.match(aid):
                messages.append(f"{a_where}: id {aid!r} — use lower-case letters, digits and hyphens")
            elif aid in answer_ids:
                messages.append(
                    f"{a_where}: id '{aid}' is already an answer of question {answer_ids[aid] + 1} — "
                    "answer ids are unique (the address lists them)"
                )
            else:
                answer_ids[aid] = q_index
            if "taken" in answer and answer["taken"] not in TAKEN:
                messages.append(
                    f'{a_where}: taken {answer["taken"]!r} — write one of {", ".join(TAKEN)} (quoted: "yes")'
                )
            if not isinstance(answer.get("to"), str):
                messages.append(f"{a_where}: missing 'to' — a question id, a cause id or {CHARGED}")
            messages += _texts(
                {k: v for k, v in answer.items() if k != "taken"},
                languages,
                a_where,
                "the answer",
                {"id", "to"},
                at(q_index, "answers", a_index),
            )
    if messages:
        return messages
    return _flow_messages(data, at, cause_ids)


def _texts(
    entry: Mapping[str, Any], languages: Sequence[str], where: str, what: str, fields: set[str], line: str
) -> list[str]:
    messages = [
        f"{where}: missing '{lang}' — add {what} in that language" for lang in languages if lang not in entry
    ]
    for key, value in entry.items():
        if key in fields:
            continue
        if key not in languages:
            known = ", ".join([*sorted(fields), *languages])
            messages.append(f"{where}: unknown field '{key}' — the fields are {known}")
        elif not isinstance(value, str) or not value.strip():
            messages.append(f"{where}: '{key}' must be text — write {what} in that language")
    return messages


def _flow_messages(data: list, at, cause_ids: Sequence[str]) -> list[str]:
    """Targets exist, no loop, every cause reached within MAX_ANSWERS answers."""
    messages: list[str] = []
    index = {question["id"]: i for i, question in enumerate(data)}
    targets = [*index, *cause_ids, CHARGED]
    for q_index, question in enumerate(data):
        for a_index, answer in enumerate(question["answers"]):
            if answer["to"] not in targets:
                messages.append(
                    f"{at(q_index, 'answers', a_index, 'to')}: question {q_index + 1}, answer {a_index + 1}: "
                    f"'to: {answer['to']}' leads nowhere — use a question id ({', '.join(index)}), "
                    f"a cause id ({', '.join(cause_ids)}) or {CHARGED}"
                )
    if messages:
        return messages
    depth: dict[str, int] = {}  # cause -> fewest answers from the first question
    reached: set[str] = set()

    def walk(qid: str, answers: int, seen: tuple[str, ...]) -> None:
        if qid in seen:
            messages.append(
                f"{at(index[qid])}: question '{qid}' comes back after {' → '.join(seen)} — "
                "lead every answer forward"
            )
            return
        reached.add(qid)
        for answer in data[index[qid]]["answers"]:
            if answer["to"] in index:
                walk(answer["to"], answers + 1, (*seen, qid))
            else:
                depth[answer["to"]] = min(depth.get(answer["to"], answers + 1), answers + 1)

    walk(data[0]["id"], 0, ())
    for cause_id in cause_ids:
        if cause_id not in depth:
            messages.append(f"{at()}: no answer leads to the cause '{cause_id}' — add one")
        elif depth[cause_id] > MAX_ANSWERS:
            messages.append(
                f"{at()}: the cause '{cause_id}' takes {depth[cause_id]} answers — at most "
                f"{MAX_ANSWERS}: ask it earlier, or give a question more answers"
            )
    for qid, i in index.items():
        if qid not in reached:
            messages.append(f"{at(i)}: no answer leads to question '{qid}' — lead one to it, or remove it")
    return list(dict.fromkeys(messages))


def parse_questions(data: list) -> tuple[Question, ...]:
    """Typed records of questions that :func:`check_questions` accepted."""
    return tuple(
        Question(
            id=question["id"],
            texts={k: v for k, v in question.items() if k not in ("id", "answers")},
            answers=tuple(
                Answer(
                    answer["id"],
                    answer["to"],
                    {k: v for k, v in answer.items() if k not in ("id", "to", "taken")},
                    answer.get("taken"),
                )
                for answer in question["answers"]
            ),
        )
        for question in data
    )


def answers_to(questions: Sequence[Question]) -> dict[str, list[str]]:
    """For each target (cause id or CHARGED), the shortest list of answer ids that reaches it:
    the flow's own map, for tests and for the screenshots."""
    index = {question.id: question for question in questions}
    paths: dict[str, list[str]] = {}
    queue: list[tuple[str, list[str]]] = [(questions[0].id, [])]
    while queue:
        qid, path = queue.pop(0)
        for answer in index[qid].answers:
            if answer.to in index:
                queue.append((answer.to, [*path, answer.id]))
            elif answer.to not in paths:
                paths[answer.to] = [*path, answer.id]
    return paths


def load_questions(
    path: Path, name: str, cause_ids: Sequence[str], languages: Sequence[str]
) -> tuple[Question, ...]:
    """The ``questions:`` of the checklist's data file (the file itself is read and checked by
    wallet_guide.data.checklist); a mistake raises PluginError listing every one found."""
    document = read_yaml(path)
    data = document.data or {}
    messages = check_questions(data.get("questions"), document.lines, name, cause_ids, languages)
    if messages:
        raise PluginError("\n".join(messages))
    return parse_questions(data["questions"])
