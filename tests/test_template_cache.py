"""The theme's templates are compiled once per build, not once per language pass."""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from wallet_guide.theme.template_cache import SharedBytecodeCache


class CountingEnvironment(Environment):
    """A Jinja environment that counts the templates it compiles from source."""

    compiled: list[str]

    def _parse(self, source, name, filename):
        self.compiled.append(name)
        return super()._parse(source, name, filename)


def environment(templates: dict[str, str], cache: SharedBytecodeCache) -> CountingEnvironment:
    env = CountingEnvironment(loader=DictLoader(templates), bytecode_cache=cache)
    env.compiled = []
    return env


def test_a_second_pass_reuses_the_first_pass_code():
    cache = SharedBytecodeCache()
    templates = {"base.html": "<p>{{ text }}</p>", "page.html": "{% extends 'base.html' %}"}
    first = environment(templates, cache)
    assert first.get_template("page.html").render(text="余额不足") == "<p>余额不足</p>"
    assert sorted(first.compiled) == ["base.html", "page.html"]

    second = environment(templates, cache)  # what static-i18n's next language pass creates
    assert second.get_template("page.html").render(text="網路") == "<p>網路</p>"
    assert second.compiled == []
    assert len(cache) == 2


def test_an_edited_template_is_compiled_again():
    cache = SharedBytecodeCache()
    environment({"base.html": "<p>{{ text }}</p>"}, cache).get_template("base.html")

    edited = environment({"base.html": "<h1>{{ text }}</h1>"}, cache)  # `make serve` after an edit
    assert edited.get_template("base.html").render(text="x") == "<h1>x</h1>"
    assert edited.compiled == ["base.html"]
