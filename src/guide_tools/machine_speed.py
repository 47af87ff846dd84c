"""How fast this machine runs a build's kind of work, so that a time budget holds on any machine.

A budget in seconds is only true of the machine it was measured on: CI's shared machines ran our
build 1.3-1.6 times slower than the one the limits were set on, at some hours and not at others
(docs-dev/decisions/0014-performance-budgets.md). So `make bench` times a fixed piece of work of
the kind a build does (Markdown with the extensions our pages use, rendered through a Jinja
template, in one Python process) on the machine it runs on, and a budget compares the build's
seconds divided by how much slower than the reference machine that work ran here. Best times on
both sides (as `timeit` advises): a busy machine only ever adds time, so the fastest run is the
one least disturbed, and the build's best is compared with the fixed work's best.

The input is made here, never read from the guide's pages, so an edit to the guide does not
change what a machine's speed means.
"""

from __future__ import annotations

import time

import jinja2
import markdown

EXTENSIONS = ["toc", "attr_list", "admonition", "tables", "pymdownx.details", "pymdownx.superfences"]
TEMPLATE = jinja2.Template(
    "<html><head><title>{{ title }}</title></head><body><nav>"
    "{% for item in nav %}<a href='{{ item.url }}'>{{ item.title }}</a>{% endfor %}"
    "</nav><article>{{ content }}</article></body></html>"
)


def _document(sections: int = 30) -> str:
    parts = []
    for n in range(sections):
        parts.append(
            f"## 第 {n} 节：余额不足与网络问题 {{#section-{n}}}\n\n"
            f"Paragraph {n} with **bold**, *emphasis*, a [link](page-{n}.md#part) and `code`。"
            "数字钱包处理失败时，请先检查网络连接、账户余额和支付限额，再联系客服。\n\n"
            f"- 第一项 {n}\n- second item\n- 第三项\n\n"
            f'!!! note "提示 {n}"\n    先确认是否已扣款，再重新支付。\n\n'
            f"| 原因 | 解决方法 |\n| --- | --- |\n| 余额不足 {n} | 充值 |\n| network | retry |\n\n"
            f'??? info "More {n}"\n    Details {n}.\n\n'
            f"```python\nprint({n})\n```\n"
        )
    return "\n".join(parts)


DOCUMENT = _document()
NAV = [{"url": f"/page-{n}/", "title": f"页面 {n}"} for n in range(40)]


def work() -> int:
    """The fixed work: 10 pages converted and rendered, about 1 s. As long as that because a busy
    host slows a machine in bursts of a few seconds: a short sample can fall between two and time
    a quiet machine that the build, 4 s and more, never sees (0.2 s samples, best of 21, said
    the machine was as fast as the reference while the three builds beside them ran 15-55 %
    slower). Returns the output's length (used, so kept)."""
    size = 0
    for n in range(10):
        html = markdown.markdown(DOCUMENT, extensions=EXTENSIONS)
        size += len(TEMPLATE.render(title=f"page {n}", nav=NAV, content=html))
    return size


def calibration_seconds() -> float:
    """Wall clock of the fixed work, once. The bench takes it before, between and after its timed
    steps, so a machine whose load changes during the bench is measured throughout."""
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def slowdown(samples: list[float], reference_seconds: float) -> float:
    """How many times slower than the reference machine this one ran: the best sample over it."""
    return min(samples) / reference_seconds
