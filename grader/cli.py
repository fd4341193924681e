"""``python -m grader``: a thin layer that calls one function per verb."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from rich.console import Console

from grader import __version__, settings
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


def _add_assignment_option(parser: argparse.ArgumentParser, inferred: bool = True) -> None:
    how = "default: the one the submission's files fit" if inferred else "default: the only one, if one"
    parser.add_argument("--assignment", metavar="NAME", default=None,
                        help=f"the assignment (see `python -m grader list`; {how})")


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
                                     description="Keras course kit: assign, check, grade, release.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    verbs.add_parser("list", help="the assignments: their exercises, points and public/hidden checks")

    assign = verbs.add_parser("assign", help="write assignments/<name>/ (student skeletons, notebook) from solutions/<name>/")
    assign.add_argument("--check", action="store_true", help="only verify that assignments/ is up to date; exit 1 if stale")
    _add_assignment_option(assign, inferred=False)
    assign.add_argument("--solutions", type=Path, default=None,
                        help="with --assignment: the solutions to use (default: solutions/<name>)")
    assign.add_argument("--out", type=Path, default=None,
                        help="with --assignment: where to write (default: assignments/<name>)")

    grade = verbs.add_parser("grade", help="grade one submission folder")
    grade.add_argument("submission", type=Path, help="the student's folder of exercise files, a .py, a notebook or a zip")
    grade.add_argument("--json", type=Path, dest="json_path", help="write Gradescope-style results.json here")
    _add_assignment_option(grade)
    _add_run_options(grade)
    _add_lang_option(grade)

    check = verbs.add_parser("check", help="run the public checks on your work (what students run before submitting)")
    check.add_argument("submission", type=Path, nargs="?", default=None,
                       help="your folder of .py files, a .py, a notebook or a zip (default: the assignment's folder "
                            "under assignments/, when there is one)")
    _add_assignment_option(check)
    check.add_argument("--only", action="append", metavar="EXERCISE",
                       help="check only this exercise (repeatable); `python -m grader list` names them")
    check.add_argument("--json", type=Path, dest="json_path", help="also write the results as JSON here")
    check.add_argument("--markdown", type=Path, dest="markdown_path",
                       help="also write the report as Markdown here (e.g. a GitHub job summary)")
    _add_run_options(check)
    _add_lang_option(check)

    klass = verbs.add_parser("grade-class", help="grade a folder with one entry per student")
    klass.add_argument("directory", type=Path, help="one entry per student: a subfolder, a .py set (kim_dropout.py, ...), "
                                                    "a single .py, a .ipynb notebook or a .zip; or an LMS download "
                                                    "(Canvas, Moodle, Gradescope, GitHub Classroom), recognized by its names")
    klass.add_argument("--out", type=Path, required=True, help="writes gradebook.csv and <student>/results.json, feedback.md "
                                                               "(and canvas_import.csv or moodle_import.csv for those LMSs)")
    _add_assignment_option(klass)
    _add_run_options(klass)
    klass.add_argument("--force", action="store_true", help="regrade students whose results are up to date")
    _add_lang_option(klass)

    release = verbs.add_parser("release", help="write the student bundle (a zip without solutions or hidden checks)")
    release.add_argument("zip", type=Path, help="where to write the bundle, e.g. student.zip")
    _add_assignment_option(release, inferred=False)

    gradescope = verbs.add_parser("gradescope", help="write the Gradescope autograder zip (all checks, no solutions)")
    gradescope.add_argument("zip", type=Path, help="where to write the autograder, e.g. autograder.zip")
    _add_assignment_option(gradescope, inferred=False)
    gradescope.add_argument("--hidden-visibility", choices=VISIBILITIES, default=AutograderConfig.hidden_visibility,
                            help="when students see the hidden checks' results (default: %(default)s); public "
                                 "checks are always visible")
    gradescope.add_argument("--stdout-visibility", choices=VISIBILITIES, default=AutograderConfig.stdout_visibility,
                            help="when students see the autograder's own output (default: %(default)s)")
    gradescope.add_argument("--timeout", type=_positive, default=AutograderConfig.timeout,
                            help="seconds allowed per exercise (default: %(default)s)")
    gradescope.add_argument("--lang", choices=settings.LANGUAGES, default=AutograderConfig.lang,
                            help="language of the feedback students read (default: %(default)s)")

    experiment = verbs.add_parser("experiment", help="run the assignment's experiment with the student's classes "
                                                     "(for an assignment that has one)")
    experiment.add_argument("submission", type=Path, nargs="?", default=None,
                            help="the classes to use: a folder, .py, notebook or zip (default: the assignment's "
                                 "folder under assignments/)")
    _add_assignment_option(experiment)
    experiment.add_argument("--out", type=Path, default=Path("experiment"),
                            help="folder for the plots and the table (default: %(default)s)")

    course = verbs.add_parser("course", help="merge several assignments' gradebooks into one course CSV, "
                                             "one column per assignment")
    course.add_argument("gradebooks", nargs="+", metavar="GRADEBOOK",
                        help="a grade-class output folder or its gradebook.csv; NAME=PATH names the assignment "
                             "(default: the one whose exercises are its columns)")
    course.add_argument("--out", type=Path, required=True, help="the course CSV to write")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.verb == "list":
        return _list()
    if args.verb == "course":
        return _course(args)
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


def _misuse(message: str) -> int:
    Console(stderr=True).print(f"error: {message}", markup=False)
    return EXIT_MISUSE


def _list() -> int:
    from grader import packs
    from grader.checks import checks_of

    try:
        installed = packs.all_packs()
    except packs.PackError as exc:
        return _misuse(str(exc))
    if not installed:
        print("No assignment is installed: add one under grader/packs/ (see docs/authoring.md).")
    for pack in installed.values():
        rows = []
        for exercise in pack.exercises:
            scored = [c for c in checks_of(exercise.name).checks if not c.advice]
            public = sum(c.public for c in scored)
            rows.append((exercise.name, exercise.filename, f"{sum(c.points for c in scored):g}", str(public),
                         str(len(scored) - public)))
        total = sum(float(r[2]) for r in rows)
        print(f"{pack.name}: {pack.title}")
        print(f"  solutions/{pack.name}/, assignments/{pack.name}/; {len(rows)} exercises, {total:g} points"
              f"{'; has an experiment' if pack.experiment else ''}")
        header = ("exercise", "file", "points", "public checks", "hidden checks")
        widths = [max(len(str(r[i])) for r in (header, *rows)) for i in range(len(header))]
        for row in (header, *rows):
            cells = [str(c).ljust(w) if i < 2 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths))]
            print("    " + "  ".join(cells))
        print()
    return EXIT_OK


def _packs_to_assign(args: argparse.Namespace) -> list:
    from grader import packs

    if args.assignment is not None:
        return [packs.get(args.assignment)]
    chosen = list(packs.all_packs().values())
    if (args.solutions is not None or args.out is not None) and len(chosen) != 1:
        raise packs.PackError("--solutions and --out are for one assignment: name it with --assignment")
    return chosen


def _assign(args: argparse.Namespace) -> int:
    from grader import packs
    from grader.assign import MarkerError, check_assignments, write_assignments

    try:
        chosen = _packs_to_assign(args)
        if args.check:
            stale = False
            for pack in chosen:
                problems = check_assignments(pack, args.solutions, args.out)
                for problem in problems:
                    print(f"stale: {problem}", file=sys.stderr)
                stale = stale or bool(problems)
                if not problems:
                    print(f"{args.out or pack.assignments} is up to date with {args.solutions or pack.solutions}.")
            if stale:
                print("assignments/ is out of date: run `python -m grader assign`.", file=sys.stderr)
                return EXIT_GRADER_FAILED
            return EXIT_OK
        for pack in chosen:
            out = args.out or pack.assignments
            changed = write_assignments(pack, args.solutions, args.out)
            print(f"Wrote {len(changed)} changed file(s) to {out}." if changed else f"{out} was already up to date.")
    except (MarkerError, FileNotFoundError, packs.PackError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_MISUSE
    return EXIT_OK


def _in_student_bundle(err: Console, verb: str, assignment: str | None) -> bool:
    """True (and says so) where solutions/ is absent: full grading needs the hidden checks' reference."""
    from grader import packs

    try:
        chosen = [packs.get(assignment)] if assignment else list(packs.all_packs().values())
    except packs.PackError:
        return False  # the grading itself says which assignments there are
    if any(pack.solutions.is_dir() for pack in chosen):
        return False
    err.print(f"This is the student bundle: the reference solutions and hidden checks are not here, so `{verb}` "
              "cannot run. Use `python -m grader check` to run the public checks.", markup=False)
    return True


def _default_submission(args: argparse.Namespace) -> bool:
    """Where `check` and `experiment` are given no submission: the assignment's skeleton folder. False (after
    saying why) when several assignments leave it open."""
    from grader import packs

    if args.submission is not None:
        return True
    try:
        args.submission = packs.choose(args.assignment).assignments
    except packs.PackError:
        _misuse("several assignments are installed: name your submission and its --assignment "
                "(`python -m grader list` shows them)")
        return False
    return True


def _grade(args: argparse.Namespace) -> int:
    from grader.grade import grade_submission
    from grader.i18n import ui
    from grader.load import SubmissionError
    from grader.packs import PackError
    from grader.report.gradescope import write_results
    from grader.report.progress import Status
    from grader.report.terminal import print_report
    from grader.sandbox.isolation import SandboxUnavailable
    from grader.sandbox.pool import GraderError

    console = Console()
    err = Console(stderr=True)
    public_only = args.verb == "check"
    lang = _language(args)
    if not public_only and _in_student_bundle(err, args.verb, args.assignment):
        return EXIT_MISUSE
    if not _default_submission(args):
        return EXIT_MISUSE
    started = time.monotonic()
    done: list[str] = []
    what = ui("what_checking" if public_only else "what_grading", lang)
    try:
        _warn_about_isolation(err, args.sandbox, lang)
        with Status(err, ui("starting_worker", lang, what=what)) as status:
            def progress(submission: str, exercise: str) -> None:
                done.append(exercise)
                status.update(ui("exercises_done", lang, what=what, submission=submission, count=len(done),
                                 exercise=exercise))

            result = grade_submission(args.submission, parallel=args.jobs, timeout=args.timeout,
                                      sandbox=args.sandbox, on_exercise=progress, public_only=public_only,
                                      exercises=getattr(args, "only", None), assignment=args.assignment)
    except (SubmissionError, PackError) as exc:
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
    from grader.grade_class import EmptyClass, grade_class
    from grader.i18n import ui
    from grader.packs import PackError
    from grader.report.progress import ClassProgress
    from grader.report.terminal import print_class_summary
    from grader.sandbox.isolation import SandboxUnavailable
    from grader.sandbox.pool import GraderError

    err = Console(stderr=True)
    lang = _language(args)
    if _in_student_bundle(err, args.verb, args.assignment):
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
    with ClassProgress(err, ui("class_starting", lang), ui("exercises_unit", lang)) as progress:
        def advance(student: str, exercise: str) -> None:
            progress.advance(ui("class_progress", lang, student=student, exercise=exercise))

        try:
            report = grade_class(args.directory, args.out, parallel=args.jobs, timeout=args.timeout,
                                 sandbox=args.sandbox, force=args.force, lang=lang, assignment=args.assignment,
                                 on_start=progress.start, on_exercise=advance)
        except EmptyClass:
            progress.stop()
            err.print(f"error: {str(args.directory)!r} holds no submission: expected one entry per student (a subfolder, "
                      "a .py set such as kim_dropout.py, a single .py, a .ipynb notebook or a .zip).", markup=False)
            return EXIT_MISUSE
        except PackError as exc:
            progress.stop()
            err.print(f"error: {exc}", markup=False)
            return EXIT_MISUSE
        except (GraderError, SandboxUnavailable) as exc:
            progress.stop()
            err.print(f"The grader could not finish: {exc}", markup=False)
            return EXIT_GRADER_FAILED
        progress.finish(ui("class_done", lang) if progress.total else ui("class_nothing_to_grade", lang))
    print_class_summary(report, args.out, Console(), lang=lang)
    return EXIT_OK


def _pack_with_solutions(args: argparse.Namespace, err: Console, what: str):
    """The assignment to build for (named, or the only one), or None after saying why not."""
    from grader import packs

    try:
        pack = packs.choose(args.assignment)
    except packs.PackError as exc:
        err.print(f"error: {exc}", markup=False)
        return None
    if not pack.solutions.is_dir():
        err.print(f"error: the reference solutions ({pack.solutions}) are needed to build {what}.", markup=False)
        return None
    return pack


def _release(args: argparse.Namespace) -> int:
    from grader.release.bundle import ReleaseError, write_release
    from grader.reference import public_reference_payload
    from grader.sandbox.isolation import SandboxUnavailable
    from grader.sandbox.pool import GraderError, WorkerPool

    err = Console(stderr=True)
    pack = _pack_with_solutions(args, err, "the bundle")
    if pack is None:
        return EXIT_MISUSE
    try:
        with err.status("Computing the public reference (TensorFlow loads once)…"):
            with WorkerPool() as pool:
                payload = public_reference_payload(pool, pack)
        report = write_release(args.zip, pack, payload)
    except ReleaseError as exc:
        err.print(f"error: {exc}", markup=False)
        return EXIT_MISUSE
    except (GraderError, SandboxUnavailable, OSError) as exc:
        err.print(f"The bundle could not be written: {exc}", markup=False)
        return EXIT_GRADER_FAILED
    hidden = sum(report.stripped.values())
    print(f"Wrote {report.path} for {pack.name}: {len(report.files)} files in {report.top}/; {hidden} hidden lines "
          f"left out of {len(report.stripped)} grader files; no solutions/, tests/ or reference cache.")
    return EXIT_OK


def _gradescope(args: argparse.Namespace) -> int:
    from grader.gradescope.build import BuildError, write_autograder
    from grader.reference import reference_payload
    from grader.sandbox.isolation import SandboxUnavailable
    from grader.sandbox.pool import GraderError, WorkerPool

    err = Console(stderr=True)
    pack = _pack_with_solutions(args, err, "the autograder")
    if pack is None:
        return EXIT_MISUSE
    config = AutograderConfig(hidden_visibility=args.hidden_visibility, stdout_visibility=args.stdout_visibility,
                              timeout=args.timeout, lang=args.lang)
    try:
        with err.status("Computing the reference (TensorFlow loads once)…"):
            with WorkerPool() as pool:
                payload = reference_payload(pool, pack)
        report = write_autograder(args.zip, pack, payload, config)
    except BuildError as exc:
        err.print(f"error: {exc}", markup=False)
        return EXIT_MISUSE
    except (GraderError, SandboxUnavailable, OSError) as exc:
        err.print(f"The autograder could not be written: {exc}", markup=False)
        return EXIT_GRADER_FAILED
    print(f"Wrote {report.path} for {pack.name} ({report.size / 2**20:.1f} MB, {len(report.files)} files): all "
          f"checks and the stored reference, no solutions/. Hidden checks: {config.hidden_visibility}; autograder "
          f"output: {config.stdout_visibility}; {config.timeout:g} s per exercise; feedback in {config.lang}.")
    return EXIT_OK


def _experiment(args: argparse.Namespace) -> int:
    import importlib

    from grader.load import SubmissionError, load_submission

    err = Console(stderr=True)
    if not _default_submission(args):
        return EXIT_MISUSE
    from grader import packs

    try:
        pack = packs.get(load_submission(args.submission, assignment=args.assignment).assignment)
    except (SubmissionError, packs.PackError) as exc:
        return _misuse(str(exc))
    if pack.experiment is None:
        return _misuse(f"the assignment {pack.name} has no experiment")
    experiment = importlib.import_module(f"{pack.module}.{pack.experiment}")  # imports TensorFlow
    try:
        report = experiment.run_experiment(args.submission, args.out, console=err)
    except SubmissionError as exc:
        return _misuse(str(exc))
    experiment.print_summary(report, Console())
    return EXIT_OK


def _course(args: argparse.Namespace) -> int:
    from grader.report.course import CourseError, merge_gradebooks

    try:
        course = merge_gradebooks(args.gradebooks, args.out)
    except CourseError as exc:
        return _misuse(str(exc))
    print(f"Wrote {args.out}: {len(course.students)} students, {len(course.assignments)} assignments "
          f"({', '.join(f'{name} /{course.maxima[name]:g}' for name in course.assignments)}).")
    return EXIT_OK
