"""The search index leaves the checklist out (it repeats /causes/ and /solutions/) and goes on
indexing the page after it."""

from __future__ import annotations

from tests.checklist.test_render import render
from wallet_guide.search.sections import split_sections


def test_the_sections_after_a_checklist_are_indexed_without_it():
    html = f'<h1 id="causes">Causes</h1>\n<p>Intro.</p>\n{render()}\n<h2 id="network">1. Network</h2>\n<p>Body.</p>'
    sections = split_sections(html, "causes/", "Causes")
    assert [(s.url, s.title, s.text) for s in sections] == [
        ("causes/#causes", "Causes", "Intro."),
        ("causes/#network", "1. Network", "Body."),
    ]
