"""What run_autograder runs in Gradescope's container: grade /autograder/submission, write results.json.

A results.json is written whatever happens: an upload that cannot be read gives the student 0 and says
why; a grader that breaks gives 0 and says it is not the student's fault, with the traceback on stdout,
which Gradescope shows to instructors.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING

from grader import KIT_ROOT
from grader.fileio import write_text_atomic
from grader.gradescope.config import CONFIG_NAME, REFERENCE_NAME, AutograderConfig, ConfigError
from grader.i18n import translate, ui

if TYPE_CHECKING:
    from grader.grade import GradingResult

GRADER_FAILED = ("The autograder itself failed, so your submission was not graded. This is not a problem with "
                 "your code: please tell your instructor.")


def submission_path(folder: Path) -> Path:
    """What to grade in Gradescope's submission folder: the folder, or the one zip uploaded on its own."""
    if any(folder.rglob("*.py")) or any(folder.rglob("*.ipynb")):
        return folder
    archives = sorted(folder.glob("*.zip"))
    return archives[0] if len(archives) == 1 else folder


def set_visibility(result: GradingResult, hidden: str) -> None:
    """In place: the hidden checks get ``hidden`` visibility; the public ones stay visible."""
    for exercise in result.exercises:
        exercise.checks = [c if c.public else replace(c, visibility=hidden) for c in exercise.checks]


def write_graded(result: GradingResult, path: Path, config: AutograderConfig) -> dict:
    from grader.report.gradescope import write_results

    set_visibility(result, config.hidden_visibility)
    data = write_results(result, path, extra={"autograder": asdict(config)}, lang=config.lang)
    data["stdout_visibility"] = config.stdout_visibility
    if config.hidden_visibility != "visible":
        # The total counts the hidden checks: until students may see those, show the public count instead.
        total = ui("total_line", config.lang, score=f"{result.score:g}", max_score=f"{result.max_score:g}")
        public = [c for e in result.exercises for c in e.checks if c.public]
        summary = "\n".join([ui("public_score", config.lang, passed=sum(c.passed for c in public), total=len(public)),
                             ui("public_notice", config.lang)])
        data["output"] = summary + data["output"].removeprefix(total)
    write_text_atomic(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    return data


def write_failure(path: Path, message: str, config: AutograderConfig) -> None:
    data = {"score": 0, "output": translate(message, config.lang), "tests": [],
            "stdout_visibility": config.stdout_visibility, "extra_data": {"autograder": asdict(config)}}
    write_text_atomic(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m grader.gradescope.autograde",
                                     description="Grade one Gradescope submission and write results.json.")
    parser.add_argument("submission", type=Path, help="Gradescope's submission folder, e.g. /autograder/submission")
    parser.add_argument("results", type=Path, help="where to write results.json, e.g. /autograder/results/results.json")
    parser.add_argument("--source", type=Path, default=KIT_ROOT,
                        help=f"the unzipped autograder, with {CONFIG_NAME} and {REFERENCE_NAME} (default: %(default)s)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        config = AutograderConfig.load(args.source / CONFIG_NAME)
    except ConfigError as exc:
        print(f"error: {exc}")
        write_failure(args.results, GRADER_FAILED, AutograderConfig())
        return 1
    print(f"Autograder settings: {asdict(config)}")
    try:
        # Imported here: a grader that cannot even import still leaves a results.json.
        from grader.grade import grade_submission
        from grader.load import SubmissionError
        from grader.reference import stored_assignment

        reference = args.source / REFERENCE_NAME
        try:
            result = grade_submission(submission_path(args.submission), timeout=config.timeout,
                                      reference_file=reference, assignment=stored_assignment(reference))
        except SubmissionError as exc:
            print(f"The submission could not be read: {exc}")
            write_failure(args.results, str(exc), config)
            return 0  # grading completed: the upload itself is unreadable
        data = write_graded(result, args.results, config)
    except Exception:  # noqa: BLE001 - whatever broke, the student still gets a results.json
        traceback.print_exc(file=sys.stdout)
        write_failure(args.results, GRADER_FAILED, config)
        return 1
    print(f"Graded {result.submission}: {data['score']:g} / {result.max_score:g} in "
          f"{time.monotonic() - started:.1f} s; isolation: {result.provenance.get('isolation')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
