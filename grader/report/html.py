"""feedback.html (one student) and report.html (the class); the only module that knows HTML.

Both pages are static and self-contained (inline CSS, an inline SVG histogram, a few lines of inline
JS to sort tables): they open offline, from a file or an LMS attachment. Student names,
feedback and printed output are untrusted text: every value goes through ``escape``, and a
Content-Security-Policy lets only our own script run, should anything slip through.
"""

from __future__ import annotations

import base64
import hashlib
import math
import statistics
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from typing import Mapping, Sequence
from urllib.parse import quote

from grader.grade import CheckResult, GradingResult
from grader.i18n import DEFAULT_LANG, check_name, translate, ui
from grader.report.gradebook import Row

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK KR", sans-serif;
       margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1f2328; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid #d0d7de; padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; } td.num { white-space: nowrap; }
table.students { font-size: .9rem; } th small { display: block; font-weight: normal; color: #57606a; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
.full { color: #1a7f37; } .partial { color: #9a6700; } .zero { color: #cf222e; }
.total { font-size: 1.2rem; font-weight: 600; }
.failure { border-left: 4px solid #cf222e; padding-left: .6rem; }
ul.failed-checks { padding-left: 1.2rem; } ul.failed-checks li { margin: .6rem 0; }
.check-name { font-weight: 600; } .points { color: #57606a; }
mark.mistake { display: block; margin-top: .3rem; padding: .3rem .5rem; background: #fff8c5;
               border-left: 4px solid #d4a72c; }
pre.printed { background: #f6f8fa; padding: .6rem; overflow-x: auto; white-space: pre-wrap; }
.bar { display: inline-block; height: .8rem; background: #2da44e; vertical-align: middle; }
.bar-box { display: inline-block; width: 8rem; background: #eaeef2; margin-right: .4rem; }
.status-graded { color: #1a7f37; } .status-trouble { color: #9a6700; } .status-unreadable { color: #cf222e; }
.status-not_attempted { color: #57606a; }
/* A long student id wraps inside its cell instead of pushing the status column out of view. */
table.students td.student { max-width: 14rem; overflow-wrap: anywhere; }
.detail { color: #57606a; font-size: .85rem; }
.note { color: #57606a; }
"""

_SORT_JS = """
document.querySelectorAll("table.sortable").forEach(function (table) {
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, column) {
    th.querySelector("button").addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var body = table.tBodies[0], numeric = th.dataset.type === "number";
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column].dataset.sort, y = b.cells[column].dataset.sort;
        var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  table.dataset.sortReady = "true";
});
"""
# Only this script may run: a hash-pinned CSP blocks any injected one even if escaping failed.
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SORT_JS.encode()).digest()).decode()

_HISTOGRAM_BINS = 10


def _page(title: str, body: str, lang: str, sortable: bool = False) -> str:
    """A whole page; ``sortable``: with the script that sorts ``table.sortable`` by a click on a header."""
    script_src = f"'sha256-{_SCRIPT_HASH}'" if sortable else "'none'"
    policy = f"default-src 'none'; style-src 'unsafe-inline'; script-src {script_src}"
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{body}\n"
        + (f"<script>{_SORT_JS}</script>\n" if sortable else "")
        + "</body>\n</html>\n"
    )


def _tone(score: float, max_score: float) -> str:
    """CSS class of a score: full marks, some, none."""
    if max_score and score >= max_score:
        return "full"
    return "partial" if score > 0 else "zero"


# --- one student ------------------------------------------------------------------------------

def _feedback(check: CheckResult, lang: str) -> str:
    """The check's feedback, with the diagnosed mistake (which ends the feedback) set apart."""
    text = check.feedback
    if check.mistake and text.endswith(check.mistake):
        text = text[: -len(check.mistake)].rstrip()
    html = escape(translate(text, lang))
    if check.mistake:
        html += (f'<mark class="mistake"><strong>{escape(ui("likely_mistake", lang))}</strong> '
                 f"{escape(translate(check.mistake, lang))}</mark>")
    return html


def feedback_html(result: GradingResult, lang: str = DEFAULT_LANG) -> str:
    """The content of feedback.md as a page: totals, a table per exercise, failed checks, printed output."""
    title = ui("html_feedback_title", lang, submission=result.submission)
    total = ui("total_line", lang, score=f"{result.score:g}", max_score=f"{result.max_score:g}")
    parts = [f"<h1>{escape(title)}</h1>", f'<p class="total">{escape(total)}</p>',
             '<table class="exercises"><thead><tr>', f"<th>{escape(ui('exercise', lang))}</th>",
             f'<th class="num">{escape(ui("score", lang))}</th>',
             f'<th class="num">{escape(ui("checks_passed", lang))}</th></tr></thead><tbody>']
    # An exercise gets a section below when something failed or its code printed; its row links there.
    detailed = [e for e in result.exercises if not all(c.passed for c in e.checks) or e.output.strip()]
    for exercise in result.exercises:
        passed = sum(c.passed for c in exercise.checks)
        name = escape(exercise.exercise)
        if exercise in detailed:
            name = f'<a href="#{escape(quote(exercise.exercise))}">{name}</a>'
        parts.append(f'<tr class="{_tone(exercise.score, exercise.max_score)}"><td>{name}</td>'
                     f'<td class="num">{exercise.score:g} / {exercise.max_score:g}</td>'
                     f'<td class="num">{passed} / {len(exercise.checks)}</td></tr>')
    parts.append("</tbody></table>")
    for exercise in detailed:
        failed = [c for c in exercise.checks if not c.passed]
        parts.append(f'<section class="exercise" id="{escape(quote(exercise.exercise))}">'
                     f"<h2>{escape(exercise.exercise)}</h2>")
        if exercise.failure:
            parts.append(f'<p class="failure"><strong>{escape(translate(exercise.failure, lang))}</strong></p>'
                         f"<p>{escape(ui('needs_this', lang, count=len(failed), exercise=exercise.exercise))}</p>")
        elif failed:
            parts.append('<ul class="failed-checks">')
            for check in failed:
                label = ui("advice_label", lang) if check.advice else f"0 / {check.max_score:g}"
                parts.append(f'<li><span class="check-name">{escape(check_name(check.name, lang))}</span> '
                             f'<span class="points">({escape(label)})</span>'
                             f'<p class="feedback">{_feedback(check, lang)}</p></li>')
            parts.append("</ul>")
        if exercise.output.strip():
            parts.append(f"<h3>{escape(ui('what_your_code_printed', lang))}</h3>"
                         f'<pre class="printed">{escape(exercise.output.strip())}</pre>')
        parts.append("</section>")
    return _page(title, "\n".join(parts), lang)


def unreadable_feedback_html(student: str, reason: str, lang: str = DEFAULT_LANG) -> str:
    title = ui("html_feedback_title", lang, submission=student)
    body = (f"<h1>{escape(title)}</h1>"
            f'<p class="failure">{escape(ui("unreadable_submission", lang, reason=translate(reason, lang)))}</p>')
    return _page(title, body, lang)


# --- the class --------------------------------------------------------------------------------

def _bins(maximum: float) -> tuple[float, int]:
    """Bin width and count covering [0, maximum]: whole-point widths (0–10, 10–20, …) from 10 points up."""
    if maximum < _HISTOGRAM_BINS:
        return maximum / _HISTOGRAM_BINS, _HISTOGRAM_BINS
    width = math.ceil(maximum / _HISTOGRAM_BINS)
    return width, math.ceil(maximum / width)


def _histogram(totals: Sequence[float], maximum: float, lang: str) -> str:
    """An inline SVG bar chart of the totals; each bar is as wide as its range of points (the last one may be
    narrower, and holds ``maximum``), and the axis is labelled at the bins' edges, not with shared ranges."""
    width_of_bin, bins = _bins(maximum)
    counts = [0] * bins
    for total in totals:
        counts[min(int(total / width_of_bin), bins - 1)] += 1
    width, height, left, bottom, top = 720, 260, 40, 40, 20

    def x(points: float) -> float:
        return left + (width - left - 10) * points / maximum

    scale = (height - bottom - top) / max(max(counts), 1)
    parts = [(f'<svg class="histogram" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
              f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(ui("histogram_title", lang))}" '
              'font-size="12" font-family="sans-serif">'),
             f'<line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" stroke="#57606a"/>']
    edges = [min(width_of_bin * index, maximum) for index in range(bins + 1)]
    for index, count in enumerate(counts):
        low, high = edges[index], edges[index + 1]
        bar = count * scale
        tip = ui("histogram_bar", lang, count=count, low=f"{low:g}", high=f"{high:g}")
        parts.append(f'<rect class="bin" data-count="{count}" x="{x(low) + 2:.1f}" y="{height - bottom - bar:.1f}" '
                     f'width="{max(x(high) - x(low) - 4, 1):.1f}" height="{bar:.1f}" fill="#2f81f7">'
                     f"<title>{escape(tip)}</title></rect>")
        parts.append(f'<text x="{(x(low) + x(high)) / 2:.1f}" y="{height - bottom - bar - 4:.1f}" '
                     f'text-anchor="middle">{count}</text>')
    shown = []
    for edge in reversed(edges):  # the maximum always; an edge too close to a shown one is left out
        if all(abs(x(edge) - x(other)) >= 30 for other in shown):
            shown.append(edge)
    for edge in shown:
        parts.append(f'<line class="tick" x1="{x(edge):.1f}" y1="{height - bottom}" x2="{x(edge):.1f}" '
                     f'y2="{height - bottom + 4}" stroke="#57606a"/>')
        parts.append(f'<text class="edge" x="{x(edge):.1f}" y="{height - bottom + 16}" text-anchor="middle" '
                     f'fill="#57606a">{edge:g}</text>')
    parts.append(f'<text x="{left + (width - left) / 2:.1f}" y="{height - 6}" text-anchor="middle">'
                 f"{escape(ui('histogram_axis', lang))}</text>")
    parts.append(f'<text x="14" y="{(height - bottom) / 2:.1f}" text-anchor="middle" '
                 f'transform="rotate(-90 14 {(height - bottom) / 2:.1f})">{escape(ui("students_axis", lang))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _head(label: str, kind: str, css: str = "", note: str = "") -> str:
    """A sortable column's header; ``kind`` "number" or "text" says how the script compares its cells'
    ``data-sort`` values (the exercise column sorts by the exercise's place: a number shown as a name).
    ``note``: a second, smaller line (the exercise's maximum), so that headers take little width."""
    small = f"<small>{escape(note)}</small>" if note else ""
    return f'<th class="{css}" data-type="{kind}"><button type="button">{escape(label)}{small}</button></th>'


def _rate(passed: int, count: int) -> str:
    """A cell with "passed / count", a bar and the percentage; sorts by the share."""
    share = passed / count if count else 0.0
    return (f'<td class="num" data-sort="{share:.6f}">{passed} / {count} <span class="bar-box"><span class="bar" '
            f'style="width:{100 * share:.0f}%"></span></span>{100 * share:.0f}%</td>')


@dataclass
class _Tally:
    """What the class's results.json files say, per exercise, per check and per diagnosed mistake."""

    points: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    """Exercise -> student -> [score, max_score]."""
    outcomes: dict[tuple[str, str], list[bool]] = field(default_factory=dict)
    """(exercise, check) -> passed, one entry per student, in the order the checks run."""
    mistakes: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    """(exercise, cause) -> the students it was diagnosed for."""
    wordings: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)
    """(exercise, cause) -> how often each wording of it was read: the table shows the commonest."""
    exercises: tuple[str, ...] = ()
    """The assignment's exercises, in its order."""

    @classmethod
    def of(cls, results: Mapping[str, dict], exercises: Sequence[str]) -> _Tally:
        tally = cls(exercises=tuple(exercises))
        for student, data in results.items():
            for test in data.get("tests", []):
                exercise = test["tags"][0]
                points = tally.points.setdefault(exercise, {}).setdefault(student, [0.0, 0.0])
                points[0] += float(test["score"])
                points[1] += float(test["max_score"])
                check = test["name"].removeprefix(f"{exercise}: ")
                tally.outcomes.setdefault((exercise, check), []).append(test["status"] == "passed")
                extra = test.get("extra_data", {})
                if extra.get("mistake"):
                    key = (exercise, str(extra.get("mistake_cause") or extra["mistake"]))
                    tally.mistakes.setdefault(key, set()).add(student)
                    tally.wordings.setdefault(key, Counter())[str(extra["mistake"])] += 1
        return tally

    def maximum(self, exercise: str) -> float | None:
        scores = self.points.get(exercise)
        return next(iter(scores.values()))[1] if scores else None


    def order(self, exercise: str) -> int:
        """The exercise's place in the assignment, so tables list (and sort back to) the assignment's order."""
        return self.exercises.index(exercise) if exercise in self.exercises else len(self.exercises)


def class_report_html(rows: Sequence[Row], results: Mapping[str, dict], exercises: Sequence[str],
                      lang: str = DEFAULT_LANG) -> str:
    """The class at a glance: histogram of totals, pass rates per exercise and per check, the mistakes
    diagnosed most often, and a sortable table of students.

    ``rows``: the gradebook's rows (every student of the class folder, unreadable ones included);
    ``results``: each student's results.json as parsed (a student missing here counts as having no tests);
    ``exercises``: the assignment's, in order.
    """
    tally = _Tally.of(results, exercises)
    graded = [row for row in rows if row.max_total]
    kinds = Counter(_status_kind(row) for row in rows)
    totals = [row.total for row in graded]
    maximum = max((row.max_total for row in graded), default=0.0)
    title = ui("class_report_title", lang)
    counts = ui("class_report_counts", lang, students=len(rows), graded=len(graded), trouble=kinds["trouble"],
                unreadable=kinds["unreadable"], mean=f"{statistics.fmean(totals):.1f}" if totals else "–",
                median=f"{statistics.median(totals):g}" if totals else "–", max_total=f"{maximum:g}")
    parts = [f"<h1>{escape(title)}</h1>", f'<p class="summary">{escape(counts)}</p>',
             f'<p class="note">{escape(ui("sort_hint", lang))}</p>', f"<h2>{escape(ui('histogram_title', lang))}</h2>",
             _histogram(totals, maximum, lang) if graded else f'<p class="note">{escape(ui("no_graded_students", lang))}</p>',
             _exercise_table(tally, lang), _mistake_table(tally, lang), _student_table(rows, results, tally, lang),
             _check_table(tally, lang)]
    return _page(title, "\n".join(parts), lang, sortable=True)


def _status_kind(row: Row) -> str:
    """"graded", "trouble", "unreadable" or "not_attempted": the gradebook status up to its details."""
    return row.status.split(":", 1)[0].replace(" ", "_")


def _exercise_table(tally: _Tally, lang: str) -> str:
    parts = [f"<h2>{escape(ui('exercise_rates_title', lang))}</h2>", '<table class="sortable exercise-rates">',
             "<thead><tr>", _head(ui("exercise", lang), "number"), _head(ui("mean_score", lang), "number", "num"),
             _head(ui("full_marks", lang), "number", "num"), "</tr></thead><tbody>"]
    for exercise in sorted(tally.points, key=tally.order):
        scores = list(tally.points[exercise].values())
        full = sum(score >= maximum for score, maximum in scores)
        mean = statistics.fmean(score for score, _ in scores)
        parts.append(f'<tr><td data-sort="{tally.order(exercise)}">{escape(exercise)}</td>'
                     f'<td class="num" data-sort="{mean / scores[0][1] if scores[0][1] else 0:.6f}">'
                     f"{mean:.2f} / {scores[0][1]:g}</td>{_rate(full, len(scores))}</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def _as_summary(mistake: str) -> str:
    """A diagnosis reads "It matches ..." beside the values it explains; alone in a table, "Matches ..."."""
    return mistake[3].upper() + mistake[4:] if mistake.startswith("It ") and len(mistake) > 4 else mistake


def _mistake_table(tally: _Tally, lang: str) -> str:
    parts = [f"<h2>{escape(ui('mistakes_title', lang))}</h2>", f'<p class="note">{escape(ui("mistakes_note", lang))}</p>']
    if not tally.mistakes:
        return "".join(parts) + f'<p class="note no-mistakes">{escape(ui("no_mistakes", lang))}</p>'
    parts += ['<table class="mistakes"><thead><tr>', f'<th class="num">{escape(ui("students_axis", lang))}</th>',
              f"<th>{escape(ui('exercise', lang))}</th><th>{escape(ui('mistake', lang))}</th>",
              f"<th>{escape(ui('student', lang))}</th></tr></thead><tbody>"]
    ranked = sorted(tally.mistakes.items(), key=lambda item: (-len(item[1]), tally.order(item[0][0]), item[0][1]))
    for (exercise, cause), students in ranked:
        mistake = tally.wordings[exercise, cause].most_common(1)[0][0]
        parts.append(f'<tr><td class="num">{len(students)}</td><td>{escape(exercise)}</td>'
                     f"<td>{escape(_as_summary(translate(mistake, lang)))}</td>"
                     f'<td class="detail">{escape(", ".join(sorted(students)))}</td></tr>')
    parts.append("</tbody></table>")
    return "".join(parts)


def _check_table(tally: _Tally, lang: str) -> str:
    parts = [f"<h2>{escape(ui('check_rates_title', lang))}</h2>", '<table class="sortable check-rates">',
             "<thead><tr>", _head(ui("exercise", lang), "number"), _head(ui("check", lang), "text"),
             _head(ui("pass_rate", lang), "number", "num"), "</tr></thead><tbody>"]
    # Sorting by the exercise column restores this order: the exercise's place, then the check's.
    checks = sorted(enumerate(tally.outcomes.items()), key=lambda item: (tally.order(item[1][0][0]), item[0]))
    for position, ((exercise, check), outcomes) in checks:
        parts.append(f'<tr><td data-sort="{tally.order(exercise) * 1000 + position}">{escape(exercise)}</td>'
                     f'<td data-sort="{escape(check)}">{escape(check)}</td>{_rate(sum(outcomes), len(outcomes))}</tr>')
    parts.append("</tbody></table>")
    return "".join(parts)


def _student_table(rows: Sequence[Row], results: Mapping[str, dict], tally: _Tally, lang: str) -> str:
    parts = [f"<h2>{escape(ui('students_title', lang))}</h2>", '<table class="sortable students"><thead><tr>',
             _head(ui("student", lang), "text")]
    for exercise in tally.exercises:
        maximum = tally.maximum(exercise)
        parts.append(_head(exercise, "number", "num", "" if maximum is None else f"/\u00a0{maximum:g}"))
    parts += [_head(ui("total", lang), "number", "num"), _head(ui("status", lang), "text"), "</tr></thead><tbody>"]
    for row in sorted(rows, key=lambda r: r.student):
        kind = _status_kind(row)
        link = f'<a href="{escape(quote(row.student))}/feedback.html">{escape(row.student)}</a>'
        cells = [f'<td class="student" data-sort="{escape(row.student)}">{link}</td>']
        for exercise in tally.exercises:
            score = row.scores.get(exercise)
            # An unreadable upload has no scores: it sorts below every graded one.
            cells.append('<td class="num" data-sort="-1">–</td>' if score is None else
                         f'<td class="num {_tone(score, tally.maximum(exercise) or 0.0)}" '
                         f'data-sort="{score:g}">{score:g}</td>')
        cells.append(f'<td class="num {_tone(row.total, row.max_total)}" '
                     f'data-sort="{row.total if row.max_total else -1:g}">{row.total:g} / {row.max_total:g}</td>')
        trouble = results.get(row.student, {}).get("extra_data", {}).get("trouble", [])
        detail = "".join(f'<div class="detail">{escape(translate(str(line), lang))}</div>' for line in trouble)
        cells.append(f'<td class="status-{escape(kind)}" data-sort="{escape(kind)}">'
                     f"{escape(ui('status_' + kind, lang))}{detail}</td>")
        parts.append(f'<tr data-student="{escape(row.student)}">{"".join(cells)}</tr>')
    parts.append("</tbody></table>")
    return "".join(parts)
