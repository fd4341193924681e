"""i18n: feedback, check names and report strings in the student's language.

The checks, probes and sandbox write their feedback in English; this layer translates it when a
report is made, by matching each message against the catalog's templates (grader/i18n/catalog.py).
English is the identity. A message no template covers stays in English rather than fail a report:
tests/test_i18n.py makes sure that never happens to a message in the source.
"""

from __future__ import annotations

import importlib
import itertools
import re

from grader.i18n import harvest, ko
from grader.i18n.catalog import Catalog, Entry, skeleton

DEFAULT_LANG = "en"

# The report strings. Changing an English one changes every report: existing tests compare them.
UI_EN = {
    "report_title": "Grading report: {submission}",
    "public_title": "Public checks: {submission}",
    "exercise": "Exercise",
    "score": "Score",
    "checks_passed": "Checks passed",
    "public_checks_passed": "Public checks passed",
    "total": "Total",
    "advice": "advice",
    "your_code_printed": "Your code printed:",
    "public_notice": "These are the public checks only. Hidden checks also count towards your grade, so passing "
                     "every public check does not mean full marks.",
    "public_score": "Public checks passed: {passed} / {total}",
    "class_counts": "{students} students: {graded} graded, {skipped} unchanged since the last run (skipped), "
                    "in {seconds:.1f} s. Mean total {mean:.1f}.",
    "class_files": "Gradebook: {gradebook}; class report: {out}/report.html; per student: {out}/<student>/results.json, "
                   "feedback.md and feedback.html",
    "class_download": "Recognized a {lms} download: {students} students from {files} files.",
    "class_import": "{lms} grade import file: {path}",
    "class_no_trouble": "No student's grading hit trouble.",
    "class_trouble_title": "{count} student(s) whose grading hit trouble",
    "student": "Student",
    "what_happened": "What happened",
    "feedback_title": "# Feedback for {submission}",
    "total_line": "Total: {score} / {max_score}",
    "needs_this": "All {count} checks of {exercise} need this to work.",
    "files_read": "Graded from: {files}",
    "files_unread": "Not read: {files} (the exercise files come first; without them, one notebook or one .py file)",
    "advice_label": "advice, 0 points",
    "what_your_code_printed": "What your code printed:",
    "passed": "Passed.",
    "advice_prefix": "Advice (0 points): ",
    "passed_advice": "Passed (advice, 0 points).",
    "printed_while": "--- What your code printed while {exercise} was graded ---",
    "output_truncated": "\n… (output truncated)",
    # feedback.html and report.html
    "html_feedback_title": "Feedback for {submission}",
    "likely_mistake": "Likely mistake:",
    "unreadable_submission": "The submission could not be read: {reason}",
    "class_report_title": "Class report",
    "class_report_counts": "{students} students: {graded} graded ({trouble} of them hit trouble), {unreadable} "
                           "unreadable. Mean total {mean}, median {median}, out of {max_total}.",
    "histogram_title": "Score distribution",
    "histogram_bar": "{count} student(s) with a total from {low} to {high}",
    "histogram_axis": "Total score",
    "students_axis": "Students",
    "no_graded_students": "No student has been graded yet.",
    "exercise_rates_title": "Exercises",
    "mean_score": "Mean score",
    "full_marks": "Full marks",
    "mistakes_title": "Most common diagnosed mistakes",
    "mistakes_note": "Failures the grader recognized as a known mistake, counted once per student; the other "
                     "failures appear only in the check pass rates.",
    "mistake": "Mistake",
    "no_mistakes": "No known mistake was diagnosed.",
    "check_rates_title": "Checks",
    "check": "Check",
    "pass_rate": "Passed",
    "students_title": "Students",
    "sort_hint": "Click a column header to sort by it; click again to reverse.",
    "status": "Status",
    "status_graded": "graded",
    "status_trouble": "trouble",
    "status_unreadable": "unreadable",
    "status_not_attempted": "not attempted",
    # progress lines of the command line
    "starting_worker": "{what}: starting the worker (TensorFlow loads once)…",
    "what_grading": "Grading",
    "what_checking": "Checking",
    "exercises_done": "{what} {submission}: {count} exercise(s) done, last {exercise}",
    "wrote_file": "Wrote {path}",
    "graded_in": "Graded in {seconds:.1f} s.",
    "checked_in": "Checked in {seconds:.1f} s.",
    "class_starting": "Grading (TensorFlow loads once)",
    "class_progress": "Graded {student}: {exercise}",
    "class_done": "Done",
    "class_nothing_to_grade": "Nothing to grade: every student is unchanged since the last run",
    "exercises_unit": "exercises",
    # once per run, where bubblewrap cannot isolate student code
    "sandbox_plain": "WARNING: student code runs in a plain subprocess, not a sandbox ({problem}). Isolation is "
                     "weaker: the code can read your files, use the network and see your environment variables.",
    "sandbox_unprivileged": "WARNING: bubblewrap cannot run here ({problem}), so student code runs as the "
                            "unprivileged user nobody, without namespaces: it cannot read or change the kit "
                            "(solutions, checks, reference), but it can use the network and read what every "
                            "user may read.",
}
def _with_packs(lang: str) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(check names, messages, structural templates) of the engine's catalog for ``lang`` and every pack's
    (``grader/packs/<name>/<lang>.py``, optional)."""
    names, messages, structural = dict(ko.CHECK_NAMES), dict(ko.MESSAGES), dict(ko.STRUCTURAL)
    from grader import packs

    for pack in packs.all_packs().values():
        if not (pack.folder / f"{lang}.py").is_file():
            continue
        module = importlib.import_module(f"{pack.module}.{lang}")
        names.update(getattr(module, "CHECK_NAMES", {}))
        messages.update(getattr(module, "MESSAGES", {}))
        structural.update(getattr(module, "STRUCTURAL", {}))
    return names, messages, structural


_UI = {"en": UI_EN, "ko": ko.UI}
_KO_NAMES, _KO_MESSAGES, _KO_STRUCTURAL = _with_packs("ko")
_CHECK_NAMES = {"ko": _KO_NAMES}
_CATALOGS = {"ko": Catalog(_KO_MESSAGES, _KO_STRUCTURAL)}


def check_lang(lang: str) -> str:
    if lang not in _UI:
        raise ValueError(f"Invalid value for lang: expected one of {', '.join(map(repr, _UI))}. Received: {lang!r}")
    return lang


def translate(text: str, lang: str) -> str:
    """Feedback in ``lang``; the English text itself when no template covers it. Never raises."""
    catalog = _CATALOGS.get(lang)
    if catalog is None or not text:
        return text
    try:
        translated = catalog.translate(text)
    except RecursionError:  # a pathological text nests templates without end: keep it readable
        return text
    return text if translated is None else translated


def check_name(name: str, lang: str) -> str:
    return _CHECK_NAMES.get(lang, {}).get(name, name)


def ui(key: str, lang: str, **values) -> str:
    """A report string (see UI_EN) in ``lang``, with ``values`` filled in."""
    return _UI[check_lang(lang)][key].format(**values)


_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{\}")


def _instance(template: str) -> str:
    """A text the template could produce, with a distinct word for each field."""
    count = itertools.count()
    return _PLACEHOLDER.sub(lambda m: m.group(0)[0] if len(m.group(0)) == 2 else f"Zq{next(count)}", template)


def _covering(catalog: Catalog, templates: list[harvest.Template]) -> dict[str, Entry | None]:
    """Each template from the source -> the catalog entry that translates it, if any: the entry written
    with the same fields, else one general enough to match it (the entry "{call} without `training`"
    covers the source's literal "Scale.call without `training`")."""
    by_skeleton = {skeleton(entry.english): entry for entry in catalog.entries}
    return {t.text: by_skeleton.get(skeleton(t.text)) or catalog.match(_instance(t.text)) for t in templates}


def untranslated(lang: str = "ko") -> list[harvest.Template]:
    """The check names and message templates in the source that ``lang``'s catalog does not cover."""
    names = _CHECK_NAMES[lang]
    templates = harvest.message_templates()
    covering = _covering(_CATALOGS[lang], templates)
    return [t for t in harvest.check_names() if t.text not in names] + [t for t in templates if covering[t.text] is None]


def unused(lang: str = "ko") -> list[str]:
    """The catalog's English check names and templates that no longer occur in the source."""
    catalog = _CATALOGS[lang]
    used = {id(entry) for entry in _covering(catalog, harvest.message_templates()).values()}
    names = {t.text for t in harvest.check_names()}
    return [n for n in _CHECK_NAMES[lang] if n not in names] + [e.english for e in catalog.entries if id(e) not in used]
