"""The GitHub workflows: valid YAML, the kit's CI runs the README's commands, and the Classroom template
puts the public checks' report in the job summary."""

from __future__ import annotations

import re

import pytest

from conftest import run_cli
from grader import KIT_ROOT
from conftest import SOLUTIONS_DIR

yaml = pytest.importorskip("yaml", reason="pyyaml (in the `test` extra) validates the workflows")

CI = KIT_ROOT / ".github" / "workflows" / "ci.yml"
CLASSROOM = KIT_ROOT / ".github" / "classroom" / "check.yml"


def _workflow(path):
    data = yaml.safe_load(path.read_text())
    assert isinstance(data, dict) and data.get("jobs"), f"{path} has no jobs"
    # YAML 1.1 reads the key `on` as True.
    return data, data.get("on", data.get(True))


def _steps(data: dict) -> list[dict]:
    return [step for job in data["jobs"].values() for step in job["steps"]]


def _runs(data: dict) -> list[str]:
    return [step["run"] for step in _steps(data) if "run" in step]


def _readme_commands() -> list[str]:
    """The commands of the README's Quick start bash block, comments left out."""
    text = (KIT_ROOT / "README.md").read_text()
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block, "README's Quick start has no ```bash block"
    commands = [line.strip() for line in block.group(1).splitlines() if line.strip() and not line.startswith("#")]
    assert commands
    return commands


def test_ci_runs_on_push_and_pull_request_with_python_3_11():
    data, triggers = _workflow(CI)
    assert {"push", "pull_request"} <= set(triggers)
    pythons = [step["with"]["python-version"] for step in _steps(data) if "setup-python" in step.get("uses", "")]
    assert pythons == ["3.11"]
    assert any("apt-get install" in run and "bubblewrap" in run for run in _runs(data))


def test_ci_runs_the_readme_commands():
    runs = _runs(_workflow(CI)[0])
    missing = [command for command in _readme_commands() if not any(command in run for run in runs)]
    assert not missing, f"ci.yml does not run these README commands: {missing}"


def test_ci_asserts_full_marks_and_fresh_skeletons():
    runs = _runs(_workflow(CI)[0])
    grading = [run for run in runs if "grader grade solutions/regularization --json" in run]
    assert grading and '"score"' in grading[0] and "SystemExit" in grading[0]
    assert any(".venv/bin/python -m grader assign --check" in run for run in runs)


def test_classroom_template_shows_the_public_checks_in_the_job_summary():
    data, triggers = _workflow(CLASSROOM)
    assert "push" in triggers
    runs = _runs(data)
    check = [run for run in runs if "python -m grader check" in run]
    assert check, "the template does not run `python -m grader check`"
    report = re.search(r"--markdown (\S+)", check[0]).group(1)
    summary = [step for step in _steps(data) if "GITHUB_STEP_SUMMARY" in step.get("run", "")]
    assert summary and report in summary[0]["run"] and summary[0].get("if") == "always()"


def test_check_writes_its_report_as_markdown(tmp_path):
    report = tmp_path / "report.md"
    out = run_cli("check", str(SOLUTIONS_DIR), "--only", "L1", "--markdown", str(report))
    assert out.returncode == 0, out.stderr
    text = report.read_text()
    assert text.startswith("# ") and "| L1 |" in text  # the title is in the remembered language
