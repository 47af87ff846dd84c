"""The guide itself passes `make check`: its sources and its built site (built by the check, which
reads the build's own objects)."""

from __future__ import annotations

from guide_tools import cli


def test_the_real_docs_pass_the_check(capsys):
    code = cli.main(["check", "--build"])
    lines = capsys.readouterr().out.splitlines()
    errors = [line for line in lines[:-1] if ": warning: " not in line]
    assert errors == []
    assert code == 0
    assert lines[-1].startswith("check: no errors in ")
