"""Each html_fixes rule corrects the markup Material 9.8.1 writes, and stops the build, naming
itself and the fix, when the markup it exists for is written differently (a Material release)."""

from __future__ import annotations

import pytest

from wallet_guide.theme.html_fixes import (
    CHECKBOX_AUTOCOMPLETE,
    FOCUSABLE_CODE_BLOCKS,
    ORPHAN_TOC_LABEL,
    HtmlFixError,
    apply,
    apply_all,
)

# As Material 9.8.1 writes them (copied from a built page).
TOGGLE = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
CODE_BLOCK = '<div class="highlight"><pre><span></span><code><span class="n">x</span></code></pre></div>'
TOC_LABEL = (
    '<label class="md-nav__title" for="__toc"><span class="md-nav__icon md-icon"></span>Contents</label>'
)


def test_checkbox_autocomplete_is_dropped_from_materials_toggles():
    fixed = apply(CHECKBOX_AUTOCOMPLETE, TOGGLE)
    assert fixed == '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'


def test_checkbox_autocomplete_fails_the_build_when_the_toggle_is_written_differently():
    moved = '<input autocomplete="off" class="md-toggle" type="checkbox" id="__search">'
    with pytest.raises(
        HtmlFixError, match=r"rule 'checkbox-autocomplete'.*in docs/x\.md.*CHECKBOX_AUTOCOMPLETE"
    ):
        apply(CHECKBOX_AUTOCOMPLETE, moved, "docs/x.md")


def test_code_blocks_become_focusable():
    fixed = apply(FOCUSABLE_CODE_BLOCKS, CODE_BLOCK + "<pre><code>plain</code></pre>")
    assert fixed.count('<code tabindex="0">') == 2


def test_focusable_code_blocks_fails_the_build_when_a_code_block_is_written_differently():
    classed = '<pre class="highlight"><span></span><code>x</code></pre>'
    with pytest.raises(HtmlFixError, match=r"rule 'focusable-code-blocks'.*FOCUSABLE_CODE_BLOCKS"):
        apply(FOCUSABLE_CODE_BLOCKS, classed)


def test_a_page_without_the_toc_toggle_loses_the_label_for_it():
    assert apply(ORPHAN_TOC_LABEL, TOC_LABEL).startswith('<label class="md-nav__title"><span')


def test_a_page_with_the_toc_toggle_keeps_its_label():
    page = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">' + TOC_LABEL
    assert apply(ORPHAN_TOC_LABEL, page) == page


def test_orphan_toc_label_fails_the_build_when_the_label_is_written_differently():
    renamed = '<label class="md-nav__title md-nav__title--toc" for="__toc">Contents</label>'
    with pytest.raises(HtmlFixError, match=r"rule 'orphan-toc-label'.*ORPHAN_TOC_LABEL"):
        apply(ORPHAN_TOC_LABEL, renamed)


def test_apply_all_runs_every_rule():
    fixed = apply_all(TOGGLE + CODE_BLOCK + TOC_LABEL)
    assert 'autocomplete="off"' not in fixed
    assert '<code tabindex="0">' in fixed
    assert 'for="__toc"' not in fixed
