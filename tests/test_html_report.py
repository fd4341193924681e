"""feedback.html and report.html from `grade-class`: their content (read with html.parser), how they render
in headless Chromium (scripts run, screenshot), escaping of untrusted text, and report.html on a rerun."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from corpus_build import build, cases
from grader.checks import CheckResult
from conftest import EXERCISES

NAMES = [e.name for e in EXERCISES]
from grader.grade import ExerciseResult, GradingResult
from grader.grade_class import grade_class
from grader.report.gradebook import Row
from grader.report.html import class_report_html, feedback_html
from conftest import ASSIGNMENTS_DIR, SOLUTIONS_DIR

CHROMIUM = next((path for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
                 if (path := shutil.which(name))), None)
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on PATH "
                                    "(apt-get install chromium; .ci/run installs it when it runs as root)")

HOSTILE = "<script>alert(1)</script>"
PRINTED = f"{HOSTILE}<img src=x onerror=alert(2)> & done"
WRONG = {"dan": "dropout_no_rescale", "eve": "bn_unbiased_variance", "fay": "l2_half_factor"}


# --- a small DOM from html.parser ---------------------------------------------------------------

class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None]):
        self.tag, self.attrs, self.children = tag, attrs, []

    def all(self, tag: str, css: str | None = None) -> list[Node]:
        """Every descendant ``tag`` element, with ``css`` among its classes when given."""
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if child.tag == tag and (css is None or css in (child.attrs.get("class") or "").split()):
                    found.append(child)
                found += child.all(tag, css)
        return found

    def one(self, tag: str, css: str | None = None) -> Node:
        found = self.all(tag, css)
        assert len(found) == 1, f"expected one <{tag} class={css!r}>, found {len(found)}"
        return found[0]

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)


class _Builder(HTMLParser):
    VOID = frozenset({"meta", "br", "img", "input", "link", "hr", "area", "base", "col", "embed", "source", "wbr"})

    def __init__(self):
        super().__init__()  # convert_charrefs: text arrives unescaped, as a reader sees it
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in {n.tag for n in self.stack[1:]}:
            while self.stack.pop().tag != tag:
                pass

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(text: str) -> Node:
    builder = _Builder()
    builder.feed(text)
    builder.close()
    return builder.root


def _page(path: Path) -> Node:
    return parse(path.read_text(encoding="utf-8"))


def _rows(table: Node) -> list[Node]:
    return table.one("tbody").all("tr")


# --- the class, graded once --------------------------------------------------------------------

@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A mixed class graded with grade_class: reference, skeleton, three wrong cases, a notebook, a student
    whose code prints HTML, and an unreadable upload. Returns (class folder, out folder, ClassReport)."""
    root = tmp_path_factory.mktemp("html_class")
    klass, scratch = root / "class", root / "build"
    klass.mkdir()
    shutil.copytree(SOLUTIONS_DIR, klass / "alice")
    for path in ASSIGNMENTS_DIR.glob("*.py"):
        shutil.copy(path, klass / f"bob_{path.name}")
    wrong = {c.name: c for c in cases("wrong")}
    for student, case in WRONG.items():
        shutil.copytree(build(wrong[case], scratch / student), klass / student)
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(p.read_text()) for p in sorted(SOLUTIONS_DIR.glob("*.py"))]
    nbformat.write(notebook, klass / "gil.ipynb")
    shutil.copytree(SOLUTIONS_DIR, klass / "mal")
    with open(klass / "mal" / "dropout.py", "a") as handle:
        handle.write(f"\nprint({PRINTED!r})\n")
    (klass / "zed.zip").write_text("not a zip archive")
    out = root / "out"
    report = grade_class(klass, out)
    return klass, out, report


def _results(out: Path) -> dict[str, dict]:
    return {p.parent.name: json.loads(p.read_text()) for p in out.glob("*/results.json")}


def test_every_student_gets_a_feedback_html_beside_feedback_md(graded):
    _, out, _ = graded
    students = {"alice", "bob", "dan", "eve", "fay", "gil", "mal", "zed"}
    assert {p.parent.name for p in out.glob("*/feedback.html")} == {p.parent.name for p in out.glob("*/feedback.md")} \
        == students
    for student in students:
        assert _page(out / student / "feedback.html").one("h1").text == f"Feedback for {student}"
    assert "could not be read" in _page(out / "zed" / "feedback.html").one("p", "failure").text
    assert not list(out.rglob("*.tmp"))  # written atomically: no temporary file left behind


def test_feedback_html_has_total_exercise_table_failed_checks_and_the_mistake(graded):
    _, out, _ = graded
    data = _results(out)["dan"]
    page = _page(out / "dan" / "feedback.html")
    maximum = sum(t["max_score"] for t in data["tests"])
    assert page.one("p", "total").text == f"Total: {data['score']:g} / {maximum:g}"
    rows = _rows(page.one("table", "exercises"))
    assert [r.all("td")[0].text for r in rows] == [e.name for e in EXERCISES]
    failed = [t for t in data["tests"] if t["status"] == "failed"]
    assert {t["tags"][0] for t in failed} == {"Dropout"}
    items = page.all("li")
    assert len(items) == len(failed)
    mistakes = [t["extra_data"]["mistake"] for t in failed if "mistake" in t["extra_data"]]
    marks = page.all("mark", "mistake")
    assert mistakes and len(marks) == len(mistakes)
    assert all(m.text == f"Likely mistake: {text}" for m, text in zip(marks, mistakes))


def test_feedback_html_shows_what_the_code_printed_as_text(graded):
    _, out, _ = graded
    page = _page(out / "mal" / "feedback.html")
    assert page.one("pre", "printed").text == PRINTED
    assert not page.all("script") and not page.all("img")


def test_feedback_html_is_in_korean_when_asked():
    check = CheckResult("L2", "penalty value matches Keras", 0.0, 2.0,
                        "It equals half the penalty: Keras's L2 has no 1/2 factor (l2 * sum(x**2)).",
                        mistake="It equals half the penalty: Keras's L2 has no 1/2 factor (l2 * sum(x**2)).")
    page = parse(feedback_html(GradingResult("kim", [ExerciseResult("L2", [check])]), lang="ko"))
    assert page.one("h1").text == "kim 피드백"
    assert page.one("html").attrs["lang"] == "ko"
    assert page.one("span", "check-name").text == "페널티 값이 Keras와 일치"
    assert page.one("mark", "mistake").text.startswith("예상되는 실수: 정답 페널티의 절반입니다")


def test_class_report_is_in_korean_when_asked():
    row = Row("kim", {"L2": 10.0}, 10.0, 10.0, "graded")
    results = {"kim": {"tests": [{"name": "L2: 페널티 값이 Keras와 일치", "score": 10, "max_score": 10,
                                  "status": "passed", "tags": ["L2"], "extra_data": {"public": True}}]}}
    page = parse(class_report_html([row], results, NAMES, lang="ko"))
    assert page.one("h1").text == "수업 채점 보고서"
    assert page.one("table", "check-rates").one("tbody").all("td")[1].text == "페널티 값이 Keras와 일치"
    assert page.one("table", "students").one("tbody").all("td")[-1].text == "채점 완료"


def test_class_report_has_histogram_rates_mistakes_and_student_table(graded):
    _, out, report = graded
    results = _results(out)
    page = _page(out / "report.html")
    graded_students = [r for r in report.rows if r.max_total]
    bins = page.one("svg", "histogram").all("rect", "bin")
    assert sum(int(b.attrs["data-count"]) for b in bins) == len(graded_students) == 7  # zed's upload is unreadable
    assert [r.all("td")[0].text for r in _rows(page.one("table", "exercise-rates"))] == [e.name for e in EXERCISES]
    checks = _rows(page.one("table", "check-rates"))
    assert len(checks) == len(results["alice"]["tests"])
    passed = Counter(t["name"] for data in results.values() for t in data["tests"] if t["status"] == "passed")
    for row in checks:
        exercise, check, rate = (cell.text for cell in row.all("td"))
        assert rate.startswith(f"{passed[f'{exercise}: {check}']} / 7 ")


def test_class_report_counts_only_diagnosed_mistakes(graded):
    _, out, _ = graded
    diagnosed: dict[tuple[str, str], set[str]] = {}
    wordings: dict[tuple[str, str], Counter] = {}
    for student, data in _results(out).items():
        for test in data["tests"]:
            extra = test["extra_data"]
            if "mistake" in extra:
                key = (test["tags"][0], extra.get("mistake_cause", extra["mistake"]))
                diagnosed.setdefault(key, set()).add(student)
                wordings.setdefault(key, Counter())[extra["mistake"]] += 1
    assert {s for students in diagnosed.values() for s in students} == set(WRONG)  # bob's skeleton: none named
    rows = _rows(_page(out / "report.html").one("table", "mistakes"))
    shown = {(r.all("td")[1].text, r.all("td")[2].text): (int(r.all("td")[0].text), r.all("td")[3].text) for r in rows}
    # Alone in a table, a diagnosis reads as a summary: "Matches ...", not "It matches ...".
    assert shown == {(key[0], _summary(wordings[key].most_common(1)[0][0])): (len(students), ", ".join(sorted(students)))
                     for key, students in diagnosed.items()}
    assert not any(mistake.startswith("It ") for _, mistake in shown)


def _summary(mistake: str) -> str:
    return mistake[3].upper() + mistake[4:] if mistake.startswith("It ") else mistake


def test_class_report_student_table_lists_everyone_with_scores_and_status(graded):
    _, out, report = graded
    table = _page(out / "report.html").one("table", "students")
    assert "sortable" in table.attrs["class"].split()
    headers = [th.one("button").children[0] for th in table.one("thead").all("th")]
    assert headers == ["Student", *[e.name for e in EXERCISES], "Total", "Status"]
    rows = {r.attrs["data-student"]: r.all("td") for r in _rows(table)}
    assert set(rows) == {row.student for row in report.rows}
    for row in report.rows:
        cells = rows[row.student]
        assert cells[0].one("a").attrs["href"] == f"{row.student}/feedback.html"
        assert cells[-2].text == f"{row.total:g} / {row.max_total:g}"
        assert cells[-1].attrs["data-sort"] == row.status.split(":")[0].replace(" ", "_")
    assert rows["zed"][-1].attrs["data-sort"] == "unreadable" and rows["alice"][-1].text == "graded"


def test_report_html_needs_nothing_from_the_network(graded):
    _, out, _ = graded
    for path in [out / "report.html", *out.glob("*/feedback.html")]:
        page = _page(path)
        assert not page.all("link") and not page.all("img") and not page.all("iframe")
        assert all("src" not in node.attrs for node in page.all("script"))
        assert "http://" not in path.read_text().replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert "https://" not in path.read_text()


def test_rerun_with_every_student_unchanged_still_writes_report_html(graded, tmp_path):
    klass, out, _ = graded
    copy = shutil.copytree(out, tmp_path / "out")
    before = (copy / "report.html").read_text()
    (copy / "report.html").unlink()
    rerun = grade_class(klass, copy)
    assert rerun.graded == 0 and rerun.skipped == 7
    assert (copy / "report.html").read_text() == before


def _hostile_report() -> str:
    row = Row(HOSTILE, {"L2": 0.0}, 0.0, 10.0, f"trouble: L2: {HOSTILE}")
    results = {HOSTILE: {"extra_data": {"trouble": [f"L2: {HOSTILE}"]}, "tests": [
        {"name": f"L2: {HOSTILE}", "score": 0, "max_score": 10, "status": "failed", "tags": ["L2"],
         "extra_data": {"public": True, "mistake": f"{HOSTILE}</td></tr></table><b>bold</b>"}}]}}
    return class_report_html([row], results, NAMES)


def test_hostile_student_name_and_texts_render_as_text():
    """Student ids from a class folder are sanitized (grader/roster.py), but the report does not rely on it."""
    page = parse(_hostile_report())
    assert [s.text for s in page.all("script")] == [s.text for s in parse(class_report_html([], {}, NAMES)).all("script")]
    assert not page.all("b")
    assert page.one("table", "students").one("tbody").one("a").text == HOSTILE
    assert page.one("table", "mistakes").one("tbody").all("td")[2].text == f"{HOSTILE}</td></tr></table><b>bold</b>"
    feedback = parse(feedback_html(GradingResult(HOSTILE, [ExerciseResult("L2", [], output=HOSTILE)])))
    assert feedback.one("h1").text == f"Feedback for {HOSTILE}" and not feedback.all("script")


# --- in Chromium ---------------------------------------------------------------------------------

def _chromium(tmp_path: Path, page: Path, *flags: str) -> str:
    completed = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'profile'}", *flags,
         page.resolve().as_uri()],
        check=False, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr[-2000:]
    return completed.stdout


@needs_chromium
def test_report_renders_in_chromium_with_its_script_run(graded, tmp_path):
    _, out, report = graded
    dom = parse(_chromium(tmp_path, out / "report.html", "--dump-dom"))
    assert len(dom.one("svg", "histogram").all("rect", "bin")) >= 1
    students = dom.one("table", "students")
    assert students.attrs.get("data-sort-ready") == "true"  # the script ran under the page's CSP
    assert len(_rows(students)) == len(report.rows)
    assert len(_rows(dom.one("table", "exercise-rates"))) == len(EXERCISES)
    assert len(_rows(dom.one("table", "mistakes"))) >= len(WRONG)
    assert _rows(dom.one("table", "check-rates"))


def _with_script(page: Path, target: Path, script: str, keep_policy: bool) -> Path:
    """A copy of ``page`` with ``script`` run after the page's own; without its CSP unless ``keep_policy``."""
    text = page.read_text()
    if not keep_policy:
        start = text.index('<meta http-equiv="Content-Security-Policy"')
        text = text[:start] + text[text.index(">", start) + 1:]
    target.write_text(text.replace("</body>", f"<script>{script}</script></body>"))
    return target


@needs_chromium
def test_clicking_a_header_sorts_the_student_table(graded, tmp_path):
    _, out, report = graded
    total_column = 2 + len(EXERCISES)  # nth-child counts from 1: student, the exercises, then total
    click = f'document.querySelector("table.students th:nth-child({total_column}) button").click();'
    for clicks, descending in ((1, False), (2, True)):
        page = _with_script(out / "report.html", tmp_path / f"sorted{clicks}.html", click * clicks, keep_policy=False)
        dom = parse(_chromium(tmp_path, page, "--dump-dom"))
        order = [r.attrs["data-student"] for r in _rows(dom.one("table", "students"))]
        totals = {r.student: r.total if r.max_total else -1 for r in report.rows}
        assert [totals[s] for s in order] == sorted(totals.values(), reverse=descending)


@needs_chromium
def test_the_page_policy_blocks_an_injected_script(graded, tmp_path):
    _, out, _ = graded
    page = _with_script(out / "report.html", tmp_path / "injected.html", 'document.body.dataset.injected = "yes";',
                        keep_policy=True)
    dom = parse(_chromium(tmp_path, page, "--dump-dom"))
    assert "data-injected" not in dom.one("body").attrs
    assert dom.one("table", "students").attrs.get("data-sort-ready") == "true"


@needs_chromium
def test_hostile_name_renders_as_text_in_chromium(tmp_path):
    page = tmp_path / "hostile.html"
    page.write_text(_hostile_report())
    dom = parse(_chromium(tmp_path, page, "--dump-dom"))
    assert dom.one("table", "students").one("tbody").one("a").text == HOSTILE
    assert len(dom.all("script")) == 1 and not dom.all("b")


@needs_chromium
def test_screenshot_is_a_nontrivial_png(graded, tmp_path):
    import matplotlib.image
    import numpy as np

    _, out, _ = graded
    shot = tmp_path / "report.png"
    _chromium(tmp_path, out / "report.html", f"--screenshot={shot}", "--window-size=1280,2000")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pixels = matplotlib.image.imread(shot)[..., :3]
    assert pixels.shape[:2] == (2000, 1280)
    ink = (pixels < 0.9).any(axis=-1).mean()
    colors = len(np.unique((pixels * 255).astype(np.uint8).reshape(-1, 3), axis=0))
    assert ink > 0.03 and colors > 50, (ink, colors)


def test_histogram_bars_are_as_wide_as_their_points_and_edges_are_labelled_once():
    from grader.report import html

    svg = parse(f"<html><body>{html._histogram([0, 11.5, 12, 60, 108, 112], 112, 'en')}</body></html>")
    bars = svg.all("rect", "bin")
    widths = [float(b.attrs["width"]) for b in bars]
    assert len(bars) == 10 and widths[-1] < widths[0] / 2  # 108-112 holds 4 points, the others 12
    assert [int(b.attrs["data-count"]) for b in bars] == [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]
    labels = [t.text for t in svg.all("text", "edge")]
    assert "112" in labels and "0" in labels and len(labels) == len(set(labels))
    assert not any("–" in label for label in labels)  # no shared "12–24" ranges


def test_class_report_lists_one_cause_once_whatever_its_wordings():
    """Two checks that see one cause through different behaviours word it differently: one row, one count."""
    def test(check: str, mistake: str, cause: str | None) -> dict:
        extra = {"public": True, "mistake": mistake, **({"mistake_cause": cause} if cause else {})}
        return {"name": f"L2: {check}", "score": 0, "max_score": 1, "status": "failed", "tags": ["L2"], "extra_data": extra}

    results = {
        "kim": {"tests": [test("output", "It matches the sum of squares halved.", "half"),
                          test("gradient", "The gradient is half of what it should be.", "half")]},
        "lee": {"tests": [test("output", "It matches the sum of squares halved.", "half"),
                          test("config", "The factor is not in the config.", None)]},
    }
    rows = [Row(name, {"L2": 0.0}, 0.0, 2.0, "graded") for name in results]
    table = _rows(parse(class_report_html(rows, results, NAMES)).one("table", "mistakes"))
    shown = [tuple(cell.text for cell in row.all("td")) for row in table]
    assert shown == [("2", "L2", "Matches the sum of squares halved.", "kim, lee"),
                     ("1", "L2", "The factor is not in the config.", "lee")]
