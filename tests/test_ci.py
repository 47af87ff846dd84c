"""One CI definition: the Makefile's `ci`. `.ci/run` runs its steps in its order (`make test`, the
README's test command, by name); the pull-request workflow runs them one by one too, with `make
test` as its tiers (a log each), and ProperDocs in a job of its own."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def ci_steps(makefile: str) -> list[str]:
    """The targets the Makefile's `ci` recipe runs, in order (`$(MAKE) <target>` lines)."""
    recipe = re.search(r"^ci:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert recipe, "Makefile: no `ci:` target"
    return re.findall(r"^\t\$\(MAKE\) ([\w-]+)\s*$", recipe[1], re.M)


def make_test_tiers(makefile: str) -> list[str]:
    """The tiers `make test` runs, in order (its prerequisites named test-*)."""
    rule = re.search(r"^test:([^#\n]*)", makefile, re.M)
    assert rule, "Makefile: no `test:` target"
    return [name for name in rule[1].split() if name.startswith("test-")]


def ci_steps_expanded(makefile: str) -> list[str]:
    """`ci`'s steps with `test` replaced by its tiers: what a workflow runs one by one."""
    tiers = make_test_tiers(makefile)
    return [name for step in ci_steps(makefile) for name in (tiers if step == "test" else [step])]


def workflow_make_steps(workflow: dict, job: str) -> list[str]:
    runs = [step.get("run", "") for step in workflow["jobs"][job]["steps"]]
    return [m[1] for run in runs for m in re.finditer(r"^make ([\w-]+)\s*$", run, re.M)]


def test_ci_runs_lint_check_make_test_then_budgets_and_properdocs():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert ci_steps(makefile) == ["lint", "check", "test", "bench-budget", "build-properdocs"]
    assert make_test_tiers(makefile) == ["test-fast", "test-browser", "test-audit"]


def test_ci_run_runs_cis_steps_in_cis_order_with_make_test_by_name():
    steps = ci_steps((ROOT / "Makefile").read_text(encoding="utf-8"))
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    makes = re.findall(r"^make\b.*$", script, re.M)
    assert makes == [f"make {step}" for step in steps], (
        f".ci/run runs {makes}; the Makefile's ci runs {steps}: run its steps, one `make <step>` line each"
    )
    assert "make test" in makes, ".ci/run: the README's test command, `make test`, by name"


def test_the_pull_request_workflow_runs_cis_steps_in_cis_order():
    steps = ci_steps_expanded((ROOT / "Makefile").read_text(encoding="utf-8"))
    workflow = yaml.safe_load(
        (ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8")
    )
    in_jobs = workflow_make_steps(workflow, "site") + workflow_make_steps(workflow, "properdocs")
    ran = [step for step in in_jobs if step in steps]
    assert ran == steps, f".github/workflows/pull-request.yml runs {ran}; the Makefile's ci runs {steps}"


def test_translators_see_the_check_whatever_failed_before_it():
    workflow = yaml.safe_load(
        (ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8")
    )
    (check,) = [s for s in workflow["jobs"]["site"]["steps"] if s.get("run", "").strip() == "make check"]
    assert check.get("if") in ("${{ !cancelled() }}", "always()", "${{ always() }}")


def test_the_x100_budget_runs_on_a_schedule_and_on_demand_not_on_pull_requests():
    workflow = yaml.safe_load(
        (ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8")
    )
    triggers = workflow[True]  # PyYAML reads the key `on` as True
    assert "schedule" in triggers and "workflow_dispatch" in triggers
    jobs = {name: workflow_make_steps(workflow, name) for name in workflow["jobs"]}
    (scale_job,) = [name for name, steps in jobs.items() if "bench-budget-scale" in steps]
    assert workflow["jobs"][scale_job]["if"] == "github.event_name != 'pull_request'"


def test_every_make_command_of_ci_and_the_workflows_is_a_target_of_the_makefile():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([\w.-]+):", makefile, re.M))
    scripts = [ROOT / ".ci" / "run", *sorted((ROOT / ".github" / "workflows").glob("*.yml"))]
    for script in scripts:
        for target in re.findall(
            r"^\s*(?:run:\s*)?make ([a-z][\w-]*)", script.read_text(encoding="utf-8"), re.M
        ):
            assert target in targets, f"{script.relative_to(ROOT)}: make {target} is not a Makefile target"
