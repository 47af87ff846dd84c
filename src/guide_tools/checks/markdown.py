"""Read a Markdown page line by line, so that every record keeps its line number: the front
matter, the headings with their ids, the links, every id a link can point at, and the prose
(the text a reader sees, with code, link targets and markup masked) that the typography and
glossary rules read.

The block structure (code, headings) is CommonMark's, as markdown-it-py tokenizes it with the
line of each block; within a line, what our pages use is read in place (attribute lists,
inline and reference links, raw HTML anchors, comments), so that a column still points into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

# Block structure and inline links; reference definitions are read per line; targets as written.
TOKENIZER = MarkdownIt("commonmark").disable("reference")
TOKENIZER.normalizeLink = lambda url: url  # type: ignore[method-assign]
# Masked text keeps its length (so columns still point into the real line) but matches no rule:
# it is neither Chinese, nor Latin, nor a space, nor punctuation.
MASK = "\x00"

ATX = re.compile(r"^(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
TRAILING_ATTRS = re.compile(r"[ \t]*\{:?[ \t]*([^{}]*)\}[ \t]*$")
CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
ATTR_TOKEN = re.compile(r"#([\w-]+)|\.([\w-]+)|([\w:-]+)=(?:\"([^\"]*)\"|'([^']*)'|([^\s\"']+))")
ANY_ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}]*)\}")
CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
INLINE_LINK = re.compile(
    r"(?P<image>!?)\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"\([ \t]*(?:<(?P<angle>[^>]*)>|(?P<target>[^\s()]*(?:\([^\s()]*\)[^\s()]*)*))"
    r"(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?[ \t]*\)"
    r"(?:\{:?(?P<attrs>[^{}]*)\})?"
)
REFERENCE_USE = re.compile(
    r"(?P<image>!?)\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\[(?P<ref>[^\[\]]*)\]"
    r"(?:\{:?(?P<attrs>[^{}]*)\})?"
)
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[(?P<ref>[^\]]+)\]:[ \t]*<?(?P<target>[^\s>]+)>?")
HTML_TAG = re.compile(
    r"<(?P<tag>[A-Za-z][\w-]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)/?>|</[A-Za-z][\w-]*\s*>"
)
HTML_ATTR = re.compile(r"([\w:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))")
URL = re.compile(r"\b(?:https?|ftp)://[^\s<>()\[\]]+|<(?:https?|mailto):[^>]+>")
FRONT_MATTER_KEY = re.compile(r"^([\w-]+)[ \t]*:")
COMMENT = re.compile(r"<!--.*?(?:-->|$(?![\s\S]))", re.S)


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # the heading text without its attribute list
    id: str | None  # the explicit {#id}, None when Python-Markdown would invent one
    line: int
    source: str  # the heading as written, for messages: "## 2. 账户余额不足 {#balance}"


@dataclass(frozen=True)
class Link:
    target: str  # as written: "solutions.md#balance", "../../causes/", "#network"
    line: int
    attrs: dict[str, str] = field(default_factory=dict)  # from {: hreflang=zh } or the HTML tag
    kind: str = "inline"  # inline | image | reference | html


@dataclass
class Page:
    path: str  # relative to the project root: "docs/zh/causes.md"
    lang: str  # "zh"
    name: str  # inside the language folder: "causes.md"
    lines: list[str]
    meta: dict[str, Any] | None = None  # the front matter; None when the page has none
    meta_lines: dict[str, int] = field(default_factory=dict)  # key -> line
    meta_error: tuple[int, str, str] | None = None  # (line, what is wrong, how to fix it)
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    ids: dict[str, int] = field(default_factory=dict)  # every id on the page -> its line
    prose: list[tuple[int, str]] = field(default_factory=list)  # (line, masked text)
    comments: list[tuple[int, str]] = field(default_factory=list)  # (line, HTML comment text)
    undefined_references: list[tuple[int, str]] = field(default_factory=list)
    body_line: int = 1  # the first line after the front matter

    def is_heading_line(self, line: int) -> bool:
        return any(h.line == line for h in self.headings)


def parse_attrs(text: str) -> tuple[str | None, dict[str, str]]:
    """The id and key=value pairs of an attribute list body: ``#balance .x hreflang=zh``."""
    element_id, attrs = None, {}
    for m in ATTR_TOKEN.finditer(text):
        if m.group(1):
            element_id = m.group(1)
        elif m.group(3):
            attrs[m.group(3)] = next(g for g in m.group(4, 5, 6) if g is not None)
    return element_id, attrs


def html_attrs(text: str) -> dict[str, str]:
    return {
        m.group(1).lower(): next(g for g in m.group(2, 3, 4) if g is not None)
        for m in HTML_ATTR.finditer(text)
    }


def _mask(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        chars[i] = MASK


def _read_front_matter(page: Page) -> int:
    """Fill page.meta*; return the index of the first body line."""
    lines = page.lines
    if not lines or lines[0].strip() != "---":
        return 0
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        page.meta_error = (
            1,
            "the front matter has no closing '---' line",
            "end the front matter (title, description, …) with a line ---",
        )
        return 0
    text = "\n".join(lines[1:end])
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        page.meta_error = front_matter_mistake(lines[1:end], error)
        page.meta = {}
        return end + 1
    page.meta = data if isinstance(data, dict) else {}
    if not isinstance(data, dict):
        page.meta_error = (
            2,
            "the front matter is not a list of 'key: value' lines",
            "write one `key: value` per line: `title: …`, `description: …`",
        )
    for i in range(1, end):
        key = FRONT_MATTER_KEY.match(lines[i])
        if key and not lines[i].startswith((" ", "\t")):
            page.meta_lines.setdefault(key.group(1), i + 1)
            # Titles and descriptions are prose too: mask the key, keep the value.
            chars = list(lines[i])
            _mask(chars, 0, key.end())
            page.prose.append((i + 1, "".join(chars)))
    return end + 1


def _unclosed_quote(value: str) -> str | None:
    """The quote a YAML value opens and never closes on its line, if any."""
    value = value.strip()
    if not value or value[0] not in "\"'":
        return None
    quote, rest = value[0], value[1:]
    # \" inside "…" does not close it; '' inside '…' is a quote, not the end.
    rest = re.sub(r"\\.", "", rest) if quote == '"' else rest.replace("''", "")
    return None if quote in rest else quote


def front_matter_mistake(lines: list[str], error: yaml.YAMLError) -> tuple[int, str, str]:
    """What a translator did wrong in the front matter (``lines``: those between the --- lines),
    in plain words, on the line where they did it: YAML itself often names the next line, in
    its own terms ("expected <block end>, but found '<scalar>'")."""
    for index, line in enumerate(lines):
        key = FRONT_MATTER_KEY.match(line)
        if key and not line.startswith((" ", "\t")):
            quote = _unclosed_quote(line[key.end() :])
            if quote:
                return (
                    index + 2,
                    f"the value of '{key.group(1)}' starts with a quote ({quote}) that is never closed",
                    f"end the value with {quote} on the same line, or remove the opening {quote}",
                )
    mark = getattr(error, "problem_mark", None)
    line_number = mark.line + 2 if mark else 1
    problem = str(getattr(error, "problem", None) or error).strip()
    text = lines[line_number - 2] if 0 <= line_number - 2 < len(lines) else ""
    key = FRONT_MATTER_KEY.match(text)
    if "mapping values are not allowed" in problem and key:
        return (
            line_number,
            f"the value of '{key.group(1)}' contains ': ', which YAML reads as a second key",
            f'put the whole value in double quotes: {key.group(1)}: "…"',
        )
    if text[:1] in (" ", "\t"):
        return (
            line_number,
            "this line is indented, so it does not start a new `key: value`",
            "remove the spaces at the start of the line (a value that goes on needs quotes around all of it)",
        )
    return (
        line_number,
        f"the front matter cannot be read as `key: value` lines (YAML: {problem})",
        "write each entry as `key: value` on one line; put a value in double quotes if it contains ': ' or '#', "
        "or starts with a quote",
    )


def _heading(level: int, raw_text: str, line: int, source: str) -> Heading:
    attrs = TRAILING_ATTRS.search(raw_text)
    element_id = None
    if attrs:
        element_id, _ = parse_attrs(attrs.group(1))
        raw_text = raw_text[: attrs.start()]
    raw_text = CLOSING_HASHES.sub("", raw_text).strip()
    return Heading(level, raw_text, element_id, line, source.strip())


def _scan_line(page: Page, number: int, line: str, references: dict[str, int]) -> str:
    """Record the links and ids of one body line; return its masked prose."""
    chars = list(line)
    for m in CODE_SPAN.finditer(line):
        _mask(chars, m.start(), m.end())
    visible = "".join(chars)  # links are read with code spans masked: `[a](b)` is not a link

    definition = REFERENCE_DEFINITION.match(visible)
    if definition:
        page.links.append(Link(definition.group("target"), number, kind="reference"))
        _mask(chars, 0, len(chars))
        return "".join(chars)
    for m in INLINE_LINK.finditer(visible):  # read by markdown-it (_blocks): masked here
        _mask(chars, m.start(), m.start("text"))
        _mask(chars, m.end("text"), m.end())
    for m in REFERENCE_USE.finditer("".join(chars)):
        ref = (m.group("ref") or m.group("text")).strip().lower()
        if ref not in references:
            page.undefined_references.append((number, m.group("ref") or m.group("text")))
        _mask(chars, m.start(), m.start("text"))
        _mask(chars, m.end("text"), m.end())
    for m in HTML_TAG.finditer("".join(chars)):
        attrs = html_attrs(m.group("attrs") or "")
        if attrs.get("id"):
            page.ids.setdefault(attrs["id"], number)
        if m.group("tag") and m.group("tag").lower() in ("a", "img"):
            target = attrs.get("href", attrs.get("src"))
            if target is not None:
                page.links.append(Link(target, number, attrs, "html"))
        _mask(chars, m.start(), m.end())
    for m in ANY_ATTR_LIST.finditer("".join(chars)):
        element_id, _ = parse_attrs(m.group(1))
        if element_id:
            page.ids.setdefault(element_id, number)
        _mask(chars, m.start(), m.end())
    for m in URL.finditer("".join(chars)):
        _mask(chars, m.start(), m.end())
    return "".join(chars)


def _inline_links(children: list[Token], line: int) -> list[Link]:
    """The links and images of one inline token from ``line`` on, with the {: attributes} after them."""
    links = []
    for index, child in enumerate(children):
        line += child.type in ("softbreak", "hardbreak")
        if child.type not in ("link_open", "image") or child.markup == "autolink":
            continue
        close = next(i for i in range(index, len(children)) if children[i].type in ("link_close", "image"))
        after = children[close + 1] if close + 1 < len(children) else None
        attrs = ANY_ATTR_LIST.match(after.content) if after is not None and after.type == "text" else None
        kind, target = (
            "inline" if child.type == "link_open" else "image",
            child.attrs.get("href", child.attrs.get("src")),
        )
        links.append(Link(str(target), line, parse_attrs(attrs.group(1))[1] if attrs else {}, kind))
    return links


def _blocks(lines: list[str], start: int, page: Page) -> tuple[set[int], dict[int, int], set[int]]:
    """How CommonMark (markdown-it-py) reads the body from line index ``start``: the line
    indexes of code (fenced or indented), the heading level of each heading's first line, and
    the underlines of setext headings; the inline links (and images) go to ``page.links``."""
    code: set[int] = set()
    levels: dict[int, int] = {}
    underlines: set[int] = set()
    for token in TOKENIZER.parse("\n".join(lines[start:])):
        if token.map is None:
            continue
        first, end = token.map[0] + start, token.map[1] + start
        page.links += _inline_links(token.children or [], first + 1)
        if token.type in ("fence", "code_block"):
            code.update(range(first, end))
        elif token.type == "heading_open":
            levels[first] = int(token.tag[1:])
            if token.markup in ("=", "-"):
                underlines.add(end - 1)
    return code, levels, underlines


def parse_page(path: str, lang: str, name: str, text: str) -> Page:
    """Everything the checks need from one Markdown file."""
    page = Page(path=path, lang=lang, name=name, lines=text.splitlines())
    start = _read_front_matter(page)
    page.body_line = start + 1
    lines = page.lines
    references = {
        m.group("ref").strip().lower(): i + 1
        for i, line in enumerate(lines[start:], start)
        if (m := REFERENCE_DEFINITION.match(line))
    }
    code, levels, underlines = _blocks(lines, start, page)
    # HTML comments (the checklist marker, notes to translators) are not prose; in code they are code.
    body = "\n".join(lines)
    masked = list(body)
    for m in COMMENT.finditer(body, sum(len(line) + 1 for line in lines[:start])):
        if (index := body.count("\n", 0, m.start())) not in code:
            page.comments.append((index + 1, m.group().replace("\n", "")))
            masked[m.start() : m.end()] = [c if c == "\n" else MASK for c in m.group()]
    visible = "".join(masked).split("\n")
    for index in range(start, len(lines)):
        number, line = index + 1, visible[index]
        if index in code or index in underlines:
            continue
        atx = ATX.match(line.lstrip()) if index in levels else None
        if atx:
            heading = _heading(len(atx.group(1)), atx.group(2) or "", number, lines[index])
            body = _scan_line(page, number, atx.group(2) or "", references)
            page.prose.append((number, MASK * (len(line) - len(body)) + body))
        elif index in levels:  # the text line of a setext heading (underlined with === or ---)
            heading = _heading(levels[index], lines[index], number, lines[index])
            page.prose.append((number, _scan_line(page, number, line, references)))
        if index in levels:
            page.headings.append(heading)
            if heading.id:
                page.ids.setdefault(heading.id, number)
            continue
        page.prose.append((number, _scan_line(page, number, line, references)))
    return page
