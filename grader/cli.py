"""``python -m grader``: a thin layer that calls one function per verb."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from rich.console import Console

from grader import __version__, settings
from grader.exercises import EXERCISES
from grader.fileio import write_text_atomic
from grader.gradescope.config import VISIBILITIES, AutograderConfig

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
                        help="isolate student code: auto (bubblewrap if it runs, else as root the user nobody, else a "
                             "plain subprocess), bwrap (required), none")


def _add_lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=settings.LANGUAGES, default=None,
                        help="language of feedback and reports; remembered for the next runs (default: en)")


def _language(args: argparse.Namespace) -> str:
    """--lang if given (and remember it), else the remembered choice, else English."""
    path = settings.USER_SETTINGS
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        saved = saved if isinstance(saved, dict) else {}
    except (OSError, ValueError):
        saved = {}
    if args.lang is None:
        lang = saved.get("lang")
        return lang if lang in settings.LANGUAGES else "en"
    if saved.get("lang") != args.lang:
        try:
            write_text_atomic(path, json.dumps({**saved, "lang": args.lang}, indent=1) + "\n")
        except OSError:
            pass  # a read-only kit still works; the choice just is not remembered
    return args.lang


def _warn_about_isolation(err: Console, sandbox: str, lang: str) -> None:
    """Once per run of student code, where bubblewrap cannot isolate it; --sandbox none asked for no isolation."""
    from grader.i18n import ui
    from grader.sandbox.isolation import choose

    chosen = choose(sandbox)  # what the worker pool will choose too (the checks behind it are cached)
    if sandbox == "auto" and chosen.kind != "bwrap":
        err.print(ui(f"sandbox_{chosen.kind}", lang, problem=chosen.problem), markup=False)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m grader",
                                     description="Regularization assignment kit: assign, check, grade, release.")
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
    _add_lang_option(grade)

    check = verbs.add_parser("check", help="run the public checks on your work (what students run before submitting)")
    check.add_argument("submission", type=Path, nargs="?", default=settings.ASSIGNMENTS_DIR,
                       help="your folder of .py files, a .py, a notebook or a zip (default: %(default)s)")
    check.add_argument("--only", action="append", choices=[ex.name for ex in EXERCISES], metavar="EXERCISE",
                       help="check only this exercise (repeatable): " + ", ".join(ex.name for ex in EXERCISES))
    check.add_argument("--json", type=Path, dest="json_path", help="also write the results as JSON here")
    check.add_argument("--markdown", type=Path, dest="markdown_path",
                       help="also write the report as Markdown here (e.g. a GitHub job summary)")
    _add_run_options(check)
    _add_lang_option(check)

    klass = verbs.add_parser("grade-class", help="grade a folder with one entry per student")
    klass.add_argument("directory", type=Path, help="one entry per student: a subfolder, a .py set (kim_dropout.py, ...), "
                                                    "a single .py, a .ipynb notebook or a .zip")
    klass.add_argument("--out", type=Path, required=True, help="writes gradebook.csv and <student>/results.json, feedback.md")
    _add_run_options(klass)
    klass.add_argument("--force", action="store_true", help="regrade students whose results are up to date")
    _add_lang_option(klass)

    release = verbs.add_parser("release", help="write the student bundle (a zip without solutions or hidden checks)")
    release.add_argument("zip", type=Path, help="where to write the bundle, e.g. regularization-student.zip")

    gradescope = verbs.add_parser("gradescope", help="write the Gradescope autograder zip (all checks, no solutions)")
    gradescope.add_argument("zip", type=Path, help="where to write the autograder, e.g. autograder.zip")
    gradescope.add_argument("--hidden-visibility", choices=VISIBILITIES, default=AutograderConfig.hidden_visibility,
                            help="when students see the hidden checks' results (default: %(default)s); public "
                                 "checks are always visible")
    gradescope.add_argument("--stdout-visibility", choices=VISIBILITIES, default=AutograderConfig.stdout_visibility,
                            help="when students see the autograder's own output (default: %(default)s)")
    gradescope.add_argument("--timeout", type=_positive, default=AutograderConfig.timeout,
                            help="seconds allowed per exercise (default: %(default)s)")
    gradescope.add_argument("--lang", choices=settings.LANGUAGES, default=AutograderConfig.lang,
                            help="language of the feedback students read (default: %(default)s)")

    experiment = verbs.add_parser("experiment", help="train one network on 300 digits without and with each regularization")
    experiment.add_argument("submission", type=Path, nargs="?", default=settings.ASSIGNMENTS_DIR,
                            help="the classes to use: a folder, .py, notebook or zip (default: %(default)s)")
    experiment.add_argument("--out", type=Path, default=Path("experiment"),
                            help="folder for the plots and the table (default: %(default)s)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.verb == "assign":
        return _assign(args)
    if args.verb == "grade-class":
        return _grade_class(args)
    if args.verb == "release":
        return _release(args)
    if args.verb == "gradescope":
        return _gradescope(args)
    if args.verb == "experiment":
        return _experiment(args)
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


def _in_student_bundle(err: Console, verb: str) -> bool:
    """True (and says so) where solutions/ is absent: full grading needs the hidden checks' reference."""
    if settings.SOLUTIONS_DIR.is_dir():
        return False
    err.print(f"This is the student bundle: the reference solutions and hidden checks are not here, so `{verb}` "
              "cannot run. Use `python -m grader check` to run the public checks.", markup=False)
    return True


def _grade(args: argparse.Namespace) -> int:
    from grader.grade import grade_submission
    from grader.i18n import ui
    from grader.load import SubmissionError
    from grader.report.gradescope import write_results
    from grader.report.terminal import print_report
    from grader.sandbox.isolation import SandboxUnavailable
    from grader.sandbox.pool import GraderError

    console = Console()
    err = Console(stderr=True)
    public_only = args.verb == "check"
    lang = _language(args)
    if not public_only and _in_student_bundle(err, args.verb):
        return EXIT_MISUSE
    started = time.monotonic()
    done: list[str] = []
    what = ui("what_checking" if public_only else "what_grading", lang)
    try:
        _warn_about_isolation(err, args.sandbox, lang)
        with err.status(ui("starting_worker", lang, what=what)) as status:
            def progress(submission: str, exercise: str) -> None:
                done.append(exercise)
                status.update(ui("exercises_done", lang, what=what, submission=submission, count=len(done),
                                 exercise=exercise))

            result = grade_submission(args.submission, parallel=args.jobs, timeout=args.timeout,
                                      sandbox=args.sandbox, on_exercise=progress, public_only=public_only,
                                      exercises=getattr(args, "only", None))
    except SubmissionError as exc:
        err.print(f"error: {exc}", markup=False)
        return EXIT_MISUSE
    except (GraderError, SandboxUnavailable) as exc:
        err.print(f"The grader could not finish: {exc}", markup=False)
        return EXIT_GRADER_FAILED
    print_report(result, console, lang=lang, public_only=public_only)
    if args.json_path:
        write_results(result, args.json_path, lang=lang)
        err.print(ui("wrote_file", lang, path=args.json_path), markup=False)
    if getattr(args, "markdown_path", None):
        from grader.report.feedback_md import feedback_markdown

        write_text_atomic(args.markdown_path, feedback_markdown(result, lang=lang, public_only=public_only))
        err.print(ui("wrote_file", lang, path=args.markdown_path), markup=False)
    err.print(ui("checked_in" if public_only else "graded_in", lang, seconds=time.monotonic() - started), markup=False)
    return EXIT_OK


def _grade_class(args: argparse.Namespace) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from grader.grade_class import EmptyClass, grade_class
    from grader.i18n import ui
    from grader.report.terminal import print_class_summary
    from grader.sandbox.isolation import SandboxUnavailable
    from grader.sandbox.pool import GraderError

    err = Console(stderr=True)
    lang = _language(args)
    if _in_student_bundle(err, args.verb):
        return EXIT_MISUSE
    if not args.directory.is_dir():
        err.print(f"error: Class folder not found: expected a folder with one entry per student. "
                  f"Received: {str(args.directory)!r}", markup=False)
        return EXIT_MISUSE
    try:
        _warn_about_isolation(err, args.sandbox, lang)
    except SandboxUnavailable as exc:
        err.print(f"The grader could not finish: {exc}", markup=False)
        return EXIT_GRADER_FAILED
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn(ui("exercises_unit", lang)),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task(ui("class_starting", lang), total=None)

        def started(total: int) -> None:
            progress.update(task, total=total)

        def advance(student: str, exercise: str) -> None:
            progress.update(task, advance=1, description=ui("class_progress", lang, student=student, exercise=exercise))

        try:
            report = grade_class(args.directory, args.out, parallel=args.jobs, timeout=args.timeout,
                                 sandbox=args.sandbox, force=args.force, lang=lang, on_start=started,
                                 on_exercise=advance)
        except EmptyClass:
            progress.stop()
            err.print(f"error: {str(args.directory)!r} holds no submission: expected one entry per student (a subfolder, "
                      "a .py set such as kim_dropout.py, a single .py, a .ipynb notebook or a .zip).", markup=False)
            return EXIT_MISUSE
        except (GraderError, SandboxUnavailable) as exc:
            err.print(f"The grader could not finish: {exc}", markup=False)
            return EXIT_GRADER_FAILED
        progress.update(task, description=ui("class_done", lang))
    print_class_summary(report, args.out, Console(), lang=lang)
    return EXIT_OK


def _release(args: argparse.Namespace) -> int:
    from grader.release.bundle import ReleaseError, write_release
    from grader.reference import public_reference_payload
    from grader.sandbox.isolation import SandboxUnavailable
    from grader.sandbox.pool import GraderError, WorkerPool

    err = Console(stderr=True)
    if not settings.SOLUTIONS_DIR.is_dir():
        err.print(f"error: the reference solutions ({settings.SOLUTIONS_DIR}) are needed to build the bundle.",
                  markup=False)
        return EXIT_MISUSE
    try:
        with err.status("Computing the public reference (TensorFlow loads once)…"):
            with WorkerPool() as pool:
                payload = public_reference_payload(pool)
        report = write_release(args.zip, payload)
    except ReleaseError as exc:
        err.print(f"error: {exc}", markup=False)
        return EXIT_MISUSE
    except (GraderError, SandboxUnavailable, OSError) as exc:
        err.print(f"The bundle could not be written: {exc}", markup=False)
        return EXIT_GRADER_FAILED
    hidden = sum(report.stripped.values())
    print(f"Wrote {report.path}: {len(report.files)} files; {hidden} hidden lines left out of "
          f"{len(report.stripped)} grader files; no solutions/, tests/ or reference cache.")
    return EXIT_OK


def _gradescope(args: argparse.Namespace) -> int:
    from grader.gradescope.build import BuildError, write_autograder
    from grader.reference import reference_payload
    from grader.sandbox.isolation import SandboxUnavailable
    from grader.sandbox.pool import GraderError, WorkerPool

    err = Console(stderr=True)
    if not settings.SOLUTIONS_DIR.is_dir():
        err.print(f"error: the reference solutions ({settings.SOLUTIONS_DIR}) are needed to build the autograder.",
                  markup=False)
        return EXIT_MISUSE
    config = AutograderConfig(hidden_visibility=args.hidden_visibility, stdout_visibility=args.stdout_visibility,
                              timeout=args.timeout, lang=args.lang)
    try:
        with err.status("Computing the reference (TensorFlow loads once)…"):
            with WorkerPool() as pool:
                payload = reference_payload(pool)
        report = write_autograder(args.zip, payload, config)
    except BuildError as exc:
        err.print(f"error: {exc}", markup=False)
        return EXIT_MISUSE
    except (GraderError, SandboxUnavailable, OSError) as exc:
        err.print(f"The autograder could not be written: {exc}", markup=False)
        return EXIT_GRADER_FAILED
    print(f"Wrote {report.path} ({report.size / 2**20:.1f} MB, {len(report.files)} files): all checks and the stored "
          f"reference, no solutions/. Hidden checks: {config.hidden_visibility}; autograder output: "
          f"{config.stdout_visibility}; {config.timeout:g} s per exercise; feedback in {config.lang}.")
    return EXIT_OK


def _experiment(args: argparse.Namespace) -> int:
    from grader.experiment import print_summary, run_experiment  # imports TensorFlow
    from grader.load import SubmissionError

    err = Console(stderr=True)
    try:
        report = run_experiment(args.submission, args.out, console=err)
    except SubmissionError as exc:
        err.print(f"error: {exc}", markup=False)
        return EXIT_MISUSE
    print_summary(report, Console())
    return EXIT_OK