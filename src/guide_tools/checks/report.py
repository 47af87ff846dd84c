"""Print problems as `path:line: message (fix)`, and as GitHub annotations in GitHub Actions."""

from __future__ import annotations

from collections.abc import Mapping

from guide_tools.checks.problem import Problem


def plain(problem: Problem) -> str:
    severity = "" if problem.severity == "error" else f"{problem.severity}: "
    return f"{problem.path}:{problem.line}: {severity}{problem.message} ({problem.fix})"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(problem: Problem) -> str:
    """A workflow command: GitHub shows it on the pull request's changed line."""
    return (
        f"::{problem.severity} file={_escape_property(problem.path)},line={problem.line}"
        f"::{_escape_data(f'{problem.message} ({problem.fix})')}"
    )


def in_github_actions(env: Mapping[str, str]) -> bool:
    return bool(env.get("GITHUB_ACTIONS"))


def lines(problems: list[Problem], env: Mapping[str, str]) -> list[str]:
    out = [plain(p) for p in problems]
    if in_github_actions(env):
        out += [github(p) for p in problems]
    return out
