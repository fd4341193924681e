"""``python -m grader``: a thin layer that calls one function per verb."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from rich.console import Console

from grader import __version__, settings

EXIT_OK = 0
EXIT_GRADER_FAILED = 1
EXIT_MISUSE = 2


def _positive(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, received {value!r}") from None
    if number <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, received {value!r}")
    return number


def _positive_int(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, received {value!r}")
    return int(value)


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--timeout", type=_positive, default=settings.EXERCISE_TIMEOUT_S,
                        help="seconds allowed per exercise (default: %(default)s)")
    parser.add_argument("--jobs", type=_positive_int, default=None, help="child processes run in parallel (default: the core count)")
    parser.add_argument("--sandbox", choices=("auto", "bwrap", "none"), default=settings.SANDBOX,
                        help="isolate student code with bubblewrap: auto (if available), bwrap (required), none")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m grader", description="Regularization assignment kit: assign and grade.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    assign = verbs.add_parser("assign", help="write assignments/ (student skeletons) from solutions/")
    assign.add_argument("--check", action="store_true", help="only verify that assignments/ is up to date; exit 1 if stale")
    assign.add_argument("--solutions", type=Path, default=settings.SOLUTIONS_DIR, help="default: %(default)s")
    assign.add_argument("--out", type=Path, default=settings.ASSIGNMENTS_DIR, help="default: %(default)s")

    grade = verbs.add_parser("grade", help="grade one submission folder")
    grade.add_argument("submission", type=Path, help="folder with the student's regularizers.py, noise.py, dropout.py, batchnorm.py, layernorm.py")
    grade.add_argument("--json", type=Path, dest="json_path", help="write Gradescope-style results.json here")
    _add_run_options(grade)

    klass = verbs.add_parser("grade-class", help="grade a folder with one entry per student")
    klass.add_argument("directory", type=Path, help="one entry per student: a subfolder, a .py set (kim_dropout.py, ...), "
                                                    "a single .py, a .ipynb notebook or a .zip")
    klass.add_argument("--out", type=Path, required=True, help="writes gradebook.csv and <student>/results.json, feedback.md")
    _add_run_options(klass)
    klass.add_argument("--force", action="store_true", help="regrade students whose results are up to date")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.verb == "assign":
        return _assign(args)
    if args.verb == "grade-class":
        return _grade_class(args)
    return _grade(args)


def _assign(args: argparse.Namespace) -> int:
    from grader.assign import MarkerError, check_assignments, write_assignments

    try:
        if args.check:
            problems = check_assignments(args.solutions, args.out)
            for problem in problems:
                print(f"stale: {problem}", file=sys.stderr)
            if problems:
                print("assignments/ is out of date: run `python -m grader assign`.", file=sys.stderr)
                return EXIT_GRADER_FAILED
            print(f"{args.out} is up to date with {args.solutions}.")
            return EXIT_OK
        changed = write_assignments(args.solutions, args.out)
    except (MarkerError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_MISUSE
    print(f"Wrote {len(changed)} changed file(s) to {args.out}." if changed else f"{args.out} was already up to date.")
    return EXIT_OK


def _grade(args: argparse.Namespace) -> int:
    from grader.grade import grade_submission
    from grader.load import SubmissionError
    from grader.report.gradescope import write_results
    from grader.report.terminal import print_report
    from grader.sandbox.isolation import SandboxUnavailable
    from grader.sandbox.pool import GraderError

    console = Console()
    err = Console(stderr=True)
    started = time.monotonic()
    done: list[str] = []
    try:
        with err.status("Grading: starting the worker (TensorFlow loads once)…") as status:
            def progress(submission: str, exercise: str) -> None:
                done.append(exercise)
                status.update(f"Grading {submission}: {len(done)} exercise(s) done, last {exercise}")

            result = grade_submission(args.submission, parallel=args.jobs, timeout=args.timeout,
                                      sandbox=args.sandbox, on_exercise=progress)
    except SubmissionError as exc:
        err.print(f"error: {exc}", markup=False)
        return EXIT_MISUSE
    except (GraderError, SandboxUnavailable) as exc:
        err.print(f"The grader could not finish: {exc}", markup=False)
        return EXIT_GRADER_FAILED
    print_report(result, console)
    if args.json_path:
        write_results(result, args.json_path)
        err.print(f"Wrote {args.json_path}", markup=False)
    err.print(f"Graded in {time.monotonic() - started:.1f} s.", markup=False)
    return EXIT_OK


def _grade_class(args: argparse.Namespace) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from grader.grade_class import grade_class
    from grader.report.terminal import print_class_summary
    from grader.sandbox.isolation import SandboxUnavailable
    from grader.sandbox.pool import GraderError

    err = Console(stderr=True)
    if not args.directory.is_dir():
        err.print(f"error: Class folder not found: expected a folder with one entry per student. "
                  f"Received: {str(args.directory)!r}", markup=False)
        return EXIT_MISUSE
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("exercises"),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("Grading (TensorFlow loads once)", total=None)

        def started(total: int) -> None:
            progress.update(task, total=total)

        def advance(student: str, exercise: str) -> None:
            progress.update(task, advance=1, description=f"Graded {student}: {exercise}")

        try:
            report = grade_class(args.directory, args.out, parallel=args.jobs, timeout=args.timeout,
                                 sandbox=args.sandbox, force=args.force, on_start=started, on_exercise=advance)
        except (GraderError, SandboxUnavailable) as exc:
            err.print(f"The grader could not finish: {exc}", markup=False)
            return EXIT_GRADER_FAILED
        progress.update(task, description="Done")
    print_class_summary(report, args.out, Console())
    return EXIT_OK
