"""Each YAML data file is parsed once per version of it (path, modification time and size),
however many plugins and language passes read it; an edit (`mkdocs serve`) is read again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from wallet_guide.data.yaml_file import parse_yaml, read_yaml

ROOT = Path(__file__).resolve().parents[1]


def touch_later(path: Path) -> None:
    """Move the file's modification time one second on (an edit within the same tick)."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_a_file_read_twice_is_parsed_once(tmp_path):
    path = tmp_path / "texts.yml"
    path.write_text("search:\n  no_results: 没有结果\n", encoding="utf-8")
    first = read_yaml(path)
    assert read_yaml(path) is first
    assert first.data == {"search": {"no_results": "没有结果"}}
    assert first.lines[("search", "no_results")] == 2


def test_an_edit_is_read_again(tmp_path):
    path = tmp_path / "texts.yml"
    path.write_text("a: 1\n", encoding="utf-8")
    assert read_yaml(path).data == {"a": 1}
    path.write_text("a: 2\n", encoding="utf-8")  # same size, maybe the same tick
    touch_later(path)
    assert read_yaml(path).data == {"a": 2}


def test_a_deleted_file_is_not_found(tmp_path):
    path = tmp_path / "texts.yml"
    path.write_text("a: 1\n", encoding="utf-8")
    read_yaml(path)
    path.unlink()
    with pytest.raises(FileNotFoundError):
        read_yaml(path)


def test_a_mistake_is_worded_as_pyyaml_words_it():
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        parse_yaml("causes: [\n")
    assert (caught.value.problem, caught.value.problem_mark.line) == (
        "expected the node content, but found '<stream end>'",
        1,
    )


@pytest.mark.parametrize(
    "name",
    ["data/checklist.yml", "data/interface/zh.yml", "data/reader-vocabulary.yml", "data/url-contract.yml"],
)
def test_the_data_and_lines_are_safe_load_and_compose(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    document = parse_yaml(text)
    assert document.data == yaml.safe_load(text)
    composed = yaml.compose(text, Loader=yaml.SafeLoader)
    assert [(n.start_mark.line, n.value) for n, _ in document.node.value] == [
        (n.start_mark.line, n.value) for n, _ in composed.value
    ]
