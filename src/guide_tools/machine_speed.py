"""How fast this machine builds a site, so that a time budget holds on any machine.

A budget in seconds is only true of the machine it was measured on: CI's shared machines ran our
build 1.3-1.6 times slower than the one the limits were set on at some hours, and a newer host
2.5 times faster (docs-dev/decisions/0014-performance-budgets.md). So `make bench` builds a fixed
small site on the machine it runs on, and a budget compares the guide's seconds divided by how
much slower than the reference machine that fixed build ran here. Best times on both sides (as
`timeit` advises): a busy machine only ever adds time, so the fastest run is the least disturbed.

The fixed site is a whole build of the guide's kind, not a piece of one: Python starting and
importing MkDocs, Material and static-i18n, two languages, Markdown with the extensions our pages
use, Material's templates, files written. A piece (Markdown and Jinja in a warm process) sped up
2.7 times on a faster host where the guide's build sped up 2.4 times, and slowed 1.3 times under
load where `make check` slowed 1.8 times: the budget then failed an unchanged build. Its pages
are made here, never read from the guide's, and it runs none of our plugins: an edit to the
guide does not change what a machine's speed means.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from guide_tools.build import strict_build

LANGUAGES = ("zh", "en")
PAGES = 8  # per language: about 1 s in all on the reference machine, as long as a busy host's bursts
CONFIG = """\
site_name: 固定的站点
site_url: https://example.org/
theme:
  name: material
markdown_extensions: [toc, attr_list, admonition, tables, pymdownx.details, pymdownx.superfences]
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - {locale: zh, name: 中文, default: true}
        - {locale: en, name: English}
"""


def page(number: int, sections: int = 10) -> str:
    parts = [f"# 页面 {number}\n"]
    for n in range(sections):
        parts.append(
            f"## 第 {n} 节：余额不足与网络问题 {{#section-{n}}}\n\n"
            f"Paragraph {n} with **bold**, *emphasis*, a [link](page-{(number + 1) % PAGES}.md#section-{n})"
            " and `code`。数字钱包处理失败时，请先检查网络连接、账户余额和支付限额，再联系客服。\n\n"
            f"- 第一项 {n}\n- second item\n- 第三项\n\n"
            f'!!! note "提示 {n}"\n    先确认是否已扣款，再重新支付。\n\n'
            f"| 原因 | 解决方法 |\n| --- | --- |\n| 余额不足 {n} | 充值 |\n| network | retry |\n\n"
            f'??? info "More {n}"\n    Details {n}.\n\n'
            f"```python\nprint({n})\n```\n"
        )
    return "\n".join(parts)


def write_site(root: Path) -> Path:
    """The fixed site's project in ``root``; its mkdocs.yml."""
    config = root / "mkdocs.yml"
    config.write_text(CONFIG, encoding="utf-8")
    for language in LANGUAGES:
        docs = root / "docs" / language
        docs.mkdir(parents=True)
        (docs / "index.md").write_text("# 首页\n\n[页面 0](page-0.md)\n", encoding="utf-8")
        for number in range(PAGES):
            (docs / f"page-{number}.md").write_text(page(number), encoding="utf-8")
    return config


def build_seconds(config: Path) -> float:
    """Wall clock of one strict build of the fixed site (with the builder the guide's build uses)."""
    result = strict_build(config.parent / "site", config=config)
    if not result.ok:
        raise RuntimeError(f"the fixed site of guide_tools/machine_speed.py does not build:\n{result.log}")
    return result.seconds


@contextmanager
def fixed_site() -> Iterator[Callable[[], float]]:
    """A function that builds the fixed site once and returns its seconds. The bench takes it before,
    between and after its timed steps, so a machine whose load changes during the bench is
    measured throughout."""
    with tempfile.TemporaryDirectory(prefix="machine-speed-") as folder:
        config = write_site(Path(folder))
        yield lambda: build_seconds(config)


def slowdown(samples: list[float], reference_seconds: float) -> float:
    """How many times slower than the reference machine this one ran: the best sample over it."""
    return min(samples) / reference_seconds
