"""The one reading of rendered HTML: its elements with their place in the page, its text, its
sections (a heading with an id and what follows it) and small rewrites of its start tags.

The site's search, the content API, `make check` and the tests all read pages through this
module, so that they see the same text for the same page: one list of block, void and skipped
elements, one rule for what a section is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements without an end tag: they never hold anything.
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
# Elements whose text is set apart from the text around them: one space on each side.
BLOCK_ELEMENTS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "label",
        "legend",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)
# Elements whose content is not text a reader reads.
NOT_TEXT_ELEMENTS = frozenset({"script", "style", "template"})
# Classes whose element is not text of the page: the heading's ¶ permalink.
NOT_TEXT_CLASSES = frozenset({"headerlink"})
# Classes whose element is shown but not indexed (by the site's search and the content API):
# the checklist, which the content API serves as checklist.json.
NOT_INDEXED_CLASSES = frozenset({"wg-no-index"})
CODE_ELEMENTS = frozenset({"pre"})  # code: searchable, never a search result's excerpt
HEADINGS = {f"h{level}": level for level in range(1, 7)}


@dataclass(slots=True)  # not frozen: a frozen dataclass is slow to make, and a page has thousands
class Node:
    """One start tag, end tag or run of text, where it stands in the page."""

    kind: str  # "start" | "end" | "text"
    tag: str  # "" for text
    attrs: dict[str, str]  # of a start tag (a value-less attribute is "")
    text: str  # a run of text (character references resolved); a tag's source
    start: int  # offset in the HTML
    end: int
    line: int  # 1-based
    open: tuple[str, ...]  # the elements it is inside (a start tag: not counting itself)
    void: bool = False  # a start tag without content (<br>, <img/>)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class _Walker(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0]  # the offset of each line's first character
        for line in html.split("\n")[:-1]:
            self.line_starts.append(self.line_starts[-1] + len(line) + 1)
        self.nodes: list[Node] = []
        self.open: tuple[str, ...] = ()  # shared by the nodes: never changed, only replaced

    def _offset(self) -> tuple[int, int]:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column, line

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], void: bool) -> None:
        start, line = self._offset()
        source = self.get_starttag_text() or ""
        void = void or tag in VOID_ELEMENTS
        self.nodes.append(
            Node(
                "start",
                tag,
                {k: v or "" for k, v in attrs},
                source,
                start,
                start + len(source),
                line,
                self.open,
                void,
            )
        )
        if not void:
            self.open = (*self.open, tag)

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, void=False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, void=True)

    def handle_endtag(self, tag):
        start, line = self._offset()
        end = self.html.find(">", start) + 1 or len(self.html)
        if tag in self.open:  # a stray end tag closes nothing
            last = len(self.open) - 1 - self.open[::-1].index(tag)
            self.open = self.open[:last]
        self.nodes.append(Node("end", tag, {}, self.html[start:end], start, end, line, self.open))

    def handle_data(self, data):
        start, line = self._offset()
        self.nodes.append(Node("text", "", {}, data, start, start, line, self.open))


def walk(html: str) -> list[Node]:
    """The page's start tags, end tags and text, in order."""
    walker = _Walker(html)
    walker.feed(html)
    walker.close()
    return walker.nodes


def squash(text: str) -> str:
    """White space as a reader sees it: runs of it are one space, none at either end."""
    return " ".join(text.split())


def _not_text(node: Node, indexed: bool) -> bool:
    skipped = NOT_TEXT_CLASSES | NOT_INDEXED_CLASSES if indexed else NOT_TEXT_CLASSES
    return node.tag in NOT_TEXT_ELEMENTS or bool(skipped & node.classes)


class _Text:
    """Collects the text of a stretch of nodes: all of it in order, and its prose and its code
    apart; one space between blocks."""

    def __init__(self, indexed: bool) -> None:
        self.indexed = indexed
        self.skip_depth = 0  # >0 inside an element whose text is not content
        self.code_depth = 0  # >0 inside a code block
        self.all: list[str] = []
        self.prose: list[str] = []
        self.code: list[str] = []

    def add(self, node: Node) -> None:
        if node.kind == "start":
            if self.skip_depth:
                self.skip_depth += not node.void
            elif _not_text(node, self.indexed):
                self.skip_depth = 0 if node.void else 1
            else:
                if node.tag in BLOCK_ELEMENTS:
                    self._append(" ")
                if node.tag in CODE_ELEMENTS and not node.void:
                    self.code_depth += 1
        elif node.kind == "end":
            if self.skip_depth:
                self.skip_depth -= 1
                return
            if node.tag in BLOCK_ELEMENTS:
                self._append(" ")
            if node.tag in CODE_ELEMENTS and self.code_depth:
                self.code_depth -= 1
                self.code.append(" ")
        elif not self.skip_depth:
            self._append(node.text)

    def _append(self, text: str) -> None:
        self.all.append(text)
        (self.code if self.code_depth else self.prose).append(text)


def text_of(nodes: Iterable[Node], *, indexed: bool = True) -> str:
    """The text of ``nodes`` in order, white space squashed. ``indexed``: as the search and the
    content API hold it (without what the site marks wg-no-index); else all a reader sees."""
    text = _Text(indexed)
    for node in nodes:
        text.add(node)
    return squash("".join(text.all))


def plain_text(html: str, *, indexed: bool = True) -> str:
    """The text of an HTML fragment, white space squashed (see :func:`text_of`)."""
    return text_of(walk(html), indexed=indexed)


@dataclass(frozen=True)
class Section:
    """A heading with an id at the top level of the content, and what follows it up to the
    next such heading (of any level: ``level`` tells how they nest)."""

    id: str
    level: int
    title: str
    text: str  # the prose, without the code blocks
    code: str  # the code blocks' text
    heading_start: int  # offsets in the HTML: "<hN" …
    body_start: int  # … after "</hN>" …
    body_end: int  # … the next section's "<hN", or the end


def split_sections(html: str) -> list[Section]:
    """The sections of ``html``; text before the first heading with an id is in none."""
    nodes = walk(html)
    starts = [
        i
        for i, n in enumerate(nodes)
        if n.kind == "start" and n.tag in HEADINGS and n.attrs.get("id") and not n.open
    ]
    sections = []
    for number, first in enumerate(starts):
        heading = nodes[first]
        close = element_end(nodes, first)
        following = starts[number + 1] if number + 1 < len(starts) else len(nodes)
        body = _Text(indexed=True)
        for node in nodes[close + 1 : following]:
            body.add(node)
        sections.append(
            Section(
                id=heading.attrs["id"],
                level=HEADINGS[heading.tag],
                title=text_of(nodes[first : close + 1]),
                text=squash("".join(body.prose)),
                code=squash("".join(body.code)),
                heading_start=heading.start,
                body_start=nodes[close].end,
                body_end=nodes[following].start if following < len(nodes) else len(html),
            )
        )
    return sections


def element_end(nodes: list[Node], index: int) -> int:
    """The index of the node that closes the element opened at ``nodes[index]``."""
    opened = nodes[index]
    if opened.void:
        return index
    depth = len(opened.open)
    return next(
        (i for i in range(index + 1, len(nodes)) if nodes[i].kind == "end" and len(nodes[i].open) == depth),
        len(nodes) - 1,
    )


def escape_attribute(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def start_tag(tag: str, attrs: dict[str, str], self_closing: bool = False) -> str:
    """A start tag written out again (double-quoted values, as Python-Markdown writes them)."""
    written = "".join(f' {name}="{escape_attribute(value)}"' for name, value in attrs.items())
    return f"<{tag}{written}{' /' if self_closing else ''}>"


def rewrite(
    html: str,
    change: Callable[[Node], dict[str, str] | None],
    drop: Callable[[Node], bool] = lambda node: False,
) -> str:
    """``html`` with each start tag for which ``change`` returns new attributes written again
    with them, and each element for which ``drop`` is true left out (with its content). Every
    other byte stays as it was."""
    nodes = walk(html)
    parts: list[str] = []
    position = 0
    index = 0
    while index < len(nodes):
        node = nodes[index]
        if node.kind == "start":
            if drop(node):
                closing = nodes[element_end(nodes, index)]
                parts.append(html[position : node.start])
                position = closing.end if closing is not node else node.end
                index = element_end(nodes, index) + 1
                continue
            attrs = change(node)
            if attrs is not None and attrs != node.attrs:
                parts.append(html[position : node.start])
                parts.append(start_tag(node.tag, attrs, node.text.endswith("/>")))
                position = node.end
        index += 1
    parts.append(html[position:])
    return "".join(parts)
