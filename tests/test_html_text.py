"""wallet_guide.html_text: the one reading of rendered HTML (search, content API, checks, tests)."""

from __future__ import annotations

from wallet_guide.html_text import plain_text, rewrite, split_sections, walk

PAGE = """<h2 id="api">API<a class="headerlink" href="#api" title="Permanent link">&para;</a></h2>
<p>Read<br/>the <a href="pages/">pages</a>.</p><table><tr><td>一</td><td>二</td></tr></table>
<pre><code>{"version": 1}</code></pre>
<div class="wg-no-index"><p>Checklist<br /><img src="x.png"/> text</p></div>
<h3 id="next">Next</h3><script>ignored()</script><p>After.</p>"""


def test_sections_keep_prose_and_code_apart_and_leave_out_what_is_not_indexed():
    first, second = split_sections(PAGE)
    assert (first.id, first.level, first.title) == ("api", 2, "API")
    assert first.text == "Read the pages. 一 二"  # table cells do not run together
    assert first.code == '{"version": 1}'
    assert (second.id, second.level, second.text) == ("next", 3, "After.")
    assert PAGE[second.heading_start :].startswith('<h3 id="next">')
    assert PAGE[first.body_start : first.body_end].startswith("\n<p>Read")


def test_a_self_closing_tag_inside_a_skipped_element_does_not_end_it():
    assert plain_text('<div class="wg-no-index">a<br/>b</div><p>c</p>') == "c"
    assert plain_text('<div class="wg-no-index">a<br/>b</div><p>c</p>', indexed=False) == "a b c"


def test_nodes_know_their_line_and_what_they_are_inside():
    nodes = walk('<article>\n<p>x <a href="y">z</a></p>\n</article>')
    link = next(n for n in nodes if n.tag == "a" and n.kind == "start")
    assert (link.line, link.open, link.attrs) == (2, ("article", "p"), {"href": "y"})


def test_rewrite_changes_only_the_tags_it_is_asked_to():
    html = '<p class="a">x &amp; <a href="b" title="&quot;t&quot;">y</a><br /></p><a class="headerlink" href="#h">¶</a>!'
    out = rewrite(
        html,
        lambda n: {**n.attrs, "href": "/" + n.attrs["href"]} if n.tag == "a" else None,
        drop=lambda n: "headerlink" in n.classes,
    )
    assert out == '<p class="a">x &amp; <a href="/b" title="&quot;t&quot;">y</a><br /></p>!'
