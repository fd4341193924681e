"""Feedback, check names and reports in English and Korean: every English text has a translation, the
Korean reads as Korean, and English output stays as it was."""

from __future__ import annotations

import ast
import io
import json
import re
from pathlib import Path

import numpy as np
import pytest
from corpus_build import build, cases
from rich.console import Console

from grader import i18n, packs, settings
from grader.checks import CheckResult, Fail, checks_of
from grader.packs.regularization.checks.batchnorm import normalize
from grader.checks.policy import policy_message
from grader.grade import ExerciseResult, GradingResult, grade_submissions
from grader.grade_class import ClassReport
from grader.i18n import harvest
from grader.i18n.catalog import Catalog
from grader.probes import ProbeFailure
from grader.packs.regularization.probes.dropout import RATE
from grader.packs.regularization.probes.noise import SAMPLE_SHAPE, STDDEV
from grader.probes.tensors import to_numpy
from grader.release.hidden import hidden_lines
from grader.report.feedback_md import feedback_markdown
from grader.report.gradebook import Row
from grader.report.gradescope import results_dict, write_results
from grader.report.terminal import print_class_summary, print_report
from grader.sandbox.pool import ProbeError, Task, parse_run

HANGUL = re.compile(r"[\uac00-\ud7a3]")
_BACKTICKED = re.compile(r"`[^`]*`")
# Three English words in a row: a sentence of ours left untranslated (code is in backticks or has no spaces).
_ENGLISH_RUN = re.compile(r"\b[A-Za-z][a-z']+(?: [A-Za-z][a-z']+){2,}\b")


def english_left(text: str) -> list[str]:
    return _ENGLISH_RUN.findall(_BACKTICKED.sub("", text))


def assert_korean(english: str) -> str:
    korean = i18n.translate(english, "ko")
    assert HANGUL.search(korean), f"not translated:\n{english}"
    assert not english_left(korean), f"English left in:\n{korean}\n(from {english})"
    return korean


# --- the catalog covers the source -------------------------------------------------------------

def test_every_check_name_and_message_template_has_a_korean_translation():
    missing = i18n.untranslated("ko")
    assert not missing, "add these to grader/i18n/ko.py (engine texts) or the pack's ko.py:\n" + "\n".join(f"{t.where}: {t.text!r}" for t in missing)


def test_the_korean_catalog_has_no_entry_the_source_no_longer_uses():
    assert i18n.unused("ko") == []


def test_translations_of_hidden_checks_are_hidden_with_them():
    """The student bundle strips ``# BEGIN HIDDEN`` regions: a translation of hidden text outside one would
    show students what the hidden checks look for, and one of public text inside one would leave them English."""
    kit = Path(i18n.__file__).parents[2]
    regions: dict[str, set[int]] = {}

    def public(template: harvest.Template) -> bool:
        for place in template.places:
            path, line = place.rsplit(":", 1)
            if path not in regions:
                regions[path] = hidden_lines((kit / path).read_text(encoding="utf-8"), path)
            if int(line) not in regions[path]:
                return True
        return False

    templates = harvest.message_templates()
    covering = i18n._covering(i18n._CATALOGS["ko"], templates)
    public_keys = {covering[t.text].english for t in templates if public(t)}
    public_keys |= {t.text for t in harvest.check_names() if public(t)}
    catalogs = [Path(i18n.ko.__file__)] + [p.folder / "ko.py" for p in packs.all_packs().values()
                                           if (p.folder / "ko.py").is_file()]
    assert len(catalogs) > 1  # the packs' catalogs are read too
    misplaced = []
    for catalog in catalogs:
        source = catalog.read_text(encoding="utf-8")
        hidden_here = hidden_lines(source)
        for node in ast.parse(source).body:
            if isinstance(node, ast.Assign) and node.targets[0].id in ("CHECK_NAMES", "MESSAGES"):
                for key in node.value.keys:
                    if (key.lineno in hidden_here) == (ast.literal_eval(key) in public_keys):
                        where = "inside" if key.lineno in hidden_here else "outside"
                        misplaced.append(f"{catalog.relative_to(kit)}:{key.lineno} {ast.literal_eval(key)!r} is "
                                         f"{where} a hidden region")
    assert not misplaced, "\n".join(misplaced)


def test_a_template_without_translation_is_reported(monkeypatch):
    catalog = i18n._CATALOGS["ko"]
    dropped = "{what:text}: expected shape {want:shape}, got shape {got:shape}."
    messages = {e.english: e.translated for e in catalog.entries if e.english != dropped}
    monkeypatch.setitem(i18n._CATALOGS, "ko", Catalog(messages, {}))
    monkeypatch.setitem(i18n._CHECK_NAMES, "ko", {k: v for k, v in i18n._CHECK_NAMES["ko"].items()
                                                   if k != "penalty value matches Keras"})
    missing = {t.text for t in i18n.untranslated("ko")}
    assert missing == {"{}: expected shape {}, got shape {}.", "penalty value matches Keras"}


def test_harvest_reads_fail_messages_assert_close_texts_and_sandbox_failures():
    templates = {t.text for t in harvest.message_templates()}
    assert "{} differs from the expected values at {} of {} elements; worst at index {}: expected {}, got {} " \
           "(|difference| {}, tolerance {})." in templates  # compare.py
    assert "It equals half the penalty: Keras's L2 has no 1/2 factor (l2 * sum(x**2))." in templates  # a mistake
    assert "timed out after {} s{}{}: is there an endless loop?" in templates  # pool.py
    assert "{} — in {}" in templates  # ProbeError.describe
    assert "not trainable" in templates  # a word chosen inside an f-string field
    assert "The class the check belongs to (the tag in results.json)." not in templates  # a field's docstring
    assert "penalty value matches Keras" in {t.text for t in harvest.check_names()}


def test_every_report_string_has_a_korean_translation():
    assert set(i18n._UI["ko"]) == set(i18n.UI_EN)


def test_every_language_the_cli_offers_has_catalogs():
    assert set(settings.LANGUAGES) == set(i18n._UI) == {"en"} | set(i18n._CATALOGS) == {"en"} | set(i18n._CHECK_NAMES)


def test_a_translation_may_only_use_fields_of_its_english_template():
    with pytest.raises(ValueError, match="not in the English template"):
        Catalog({"{a} and {b}": "{a}와 {c}"}, {})


# --- translate --------------------------------------------------------------------------------

def test_english_is_the_identity():
    text = "L2(l2=0.02) returned shape (5,); expected a 0-d tensor (shape ())."
    assert i18n.translate(text, "en") is text
    assert i18n.check_name("penalty value matches Keras", "en") == "penalty value matches Keras"


def test_text_no_template_covers_stays_as_it_is():
    for text in ("", "something nobody wrote {x} }{", "ValueError: a message of the student's own",
                 "x" * 100_000, "a: " * 2000):
        assert i18n.translate(text, "ko") == text


def test_check_names_in_korean():
    assert i18n.check_name("penalty value matches Keras", "ko") == "페널티 값이 Keras와 일치"
    assert i18n.check_name("a check nobody wrote", "ko") == "a check nobody wrote"


def test_unknown_language_is_refused_by_reports():
    with pytest.raises(ValueError, match="Invalid value for lang"):
        i18n.ui("total", "fr")


def _judge(exercise: str, name: str, obs: dict, ref: dict) -> str:
    check = next(c for c in checks_of(exercise).checks if c.name == name)
    with pytest.raises(Fail) as failure:
        check.judge(obs, ref)
    return str(failure.value)


def _bn_case() -> dict:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(8, 5)).astype(np.float32)
    case = {"config": {"input": "shape (8, 5) with axis=-1", "dtype": "float32", "data": "N(0.5, 1.5²)",
                       "arguments": "default arguments"},
            "x": x, "axis": -1, "kwargs": {}, "gamma": rng.normal(size=5), "beta": rng.normal(size=5)}
    return {**case, "train": {"y": normalize(case), "dtype": "float32"}}


def _real_feedback() -> list[str]:
    """Feedback the checks, probes and sandbox write, from crafted observations: composed messages included."""
    x = np.linspace(1.0, 2.0, 1000).reshape(100, 10)
    kept = np.arange(x.size).reshape(x.shape) % 10 >= 3  # 30% dropped
    unscaled = np.where(kept, x, 0.0)
    keep_as_rate = np.where(~kept, x / RATE, 0.0)  # 70% dropped
    case = _bn_case()
    unbiased = normalize(case, unbiased=True)
    w = np.linspace(-1.0, 1.0, 30).reshape(6, 5)
    l2 = 0.01 * float(np.square(w).sum())
    noise = np.random.default_rng(1).normal(0.0, STDDEV**2, SAMPLE_SHAPE)
    flags = {n: {"trainable": True, "shape": [5]} for n in ("gamma", "beta", "moving_mean", "moving_variance")}
    try:
        to_numpy(None, "GaussianNoise.call without `training`")
    except ProbeFailure as failure:
        probe_failure = str(failure)
    dropout_task = Task("regularization", "Dropout", "Dropout", "dropout.py")
    return [
        _judge("Dropout", "kept units are scaled by 1/(1-rate)", {"training": {"x": x, "y": unscaled}}, {}),
        _judge("Dropout", "dropped fraction matches `rate`", {"training": {"x": x, "y": keep_as_rate}}, {}),
        _judge("BatchNormalization", "training output matches Keras on every configuration",
               {"grid": {"cases": [{**case, "train": {"y": unbiased, "dtype": "float32"}}]}}, {"grid": {"cases": [case]}}),
        _judge("BatchNormalization", "gamma and beta are trainable, the moving statistics are not",
               {"weights": {"attributes": {n: True for n in flags}, "flags": flags}},
               {"weights": {"attributes": {"gamma": True, "beta": True, "moving_mean": False, "moving_variance": False},
                            "flags": flags}}),
        _judge("GaussianNoise", "training adds noise with mean 0 and std `stddev`", {"training": {"noise": noise}}, {}),
        _judge("L2", "penalty value matches Keras", {"value": {"cases": [{"kwargs": {}, "value": np.float64(l2 / 2)}]}},
               {"value": {"weights": w, "cases": [{"kwargs": {}, "value": np.float64(l2)}]}}),
        policy_message("Dropout", ["keras.random.dropout"], [131]),
        probe_failure,
        ProbeError("MemoryError", "memory limit of 3 GB exceeded", "BatchNormalization.call (batchnorm.py, line 193)")
        .describe(),
        parse_run(dropout_task, {"timed_out": True, "messages": []}, 10.0).failure,
        parse_run(dropout_task, {"exit": {"signal": 11}, "messages": []}, 10.0).failure,
        parse_run(dropout_task, {"exit": {"code": 3}, "messages": []}, 10.0).failure,
    ]


def test_real_feedback_comes_out_fully_korean():
    feedback = _real_feedback()
    assert "did you forget inverted-dropout scaling?" in feedback[0]
    assert "That is 1 - rate" in feedback[1]
    assert "It matches the UNBIASED variance" in feedback[2]
    assert "Check the defaults" in feedback[5]
    for english in feedback:
        assert_korean(english)


def test_values_and_code_stay_as_they_are_in_korean():
    korean = assert_korean(_real_feedback()[2])
    for kept in ("(8, 5)", "axis=-1", "N-1"):
        assert kept in korean
    student_error = ProbeError("ZeroDivisionError", "division by zero", "Dropout.call (dropout.py, line 9)").describe()
    assert i18n.translate(student_error, "ko") == \
        "ZeroDivisionError: division by zero — 위치: Dropout.call (dropout.py, 9번째 줄)"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Two known-wrong submissions, graded for real (about 20 s: one worker, TensorFlow loaded once)."""
    wanted = {"bn_unbiased_variance", "dropout_rate_as_keep_prob"}
    root = tmp_path_factory.mktemp("i18n")
    return grade_submissions([build(c, root) for c in cases("wrong") if c.name in wanted])


def test_graded_feedback_comes_out_fully_korean(graded):
    failed = [c for result in graded for e in result.exercises for c in e.checks if not c.passed]
    assert len(failed) >= 2
    for check in failed:
        assert_korean(check.feedback)
        assert HANGUL.search(i18n.check_name(check.name, "ko"))


# --- reports ----------------------------------------------------------------------------------

SYSEXIT = "importing noise.py failed: SystemExit: sys.exit(3) was called — in <module> (noise.py, line 7)"
UNCHANGED = ("With training=False, Dropout must return the input unchanged, but 42 of 160 units were set to 0: "
             "dropout is only active when training is True.")


def _result() -> GradingResult:
    return GradingResult("kim", [
        ExerciseResult("Dropout", [
            CheckResult("Dropout", "identity at inference (training=False)", 0, 1, UNCHANGED, public=True),
            CheckResult("Dropout", "dropped fraction matches `rate`", 2, 2, public=True),
        ], None, "hello\n"),
        ExerciseResult("GaussianNoise", [
            CheckResult("GaussianNoise", "identity at inference (training=False)", 0, 1, SYSEXIT, public=True),
            CheckResult("GaussianNoise", "the noise is Gaussian", 0, 1, SYSEXIT),
        ], SYSEXIT),
    ], {"kit_version": "test"})


def _terminal(**kwargs) -> str:
    console = Console(record=True, width=200, file=io.StringIO())
    print_report(_result(), console, **kwargs)
    return console.export_text()


def test_english_feedback_markdown_is_unchanged():
    assert feedback_markdown(_result()) == f"""# Feedback for kim

**Total: 2 / 5**

| Exercise | Score | Checks passed |
|---|---:|---:|
| Dropout | 2 / 3 | 1 / 2 |
| GaussianNoise | 0 / 2 | 0 / 2 |

## Dropout

- **identity at inference (training=False)** (0 / 1)  
  {UNCHANGED}

What your code printed:

```text
hello
```

## GaussianNoise

**{SYSEXIT}**

All 2 checks of GaussianNoise need this to work.
"""
    assert feedback_markdown(_result(), lang="en") == feedback_markdown(_result())


def test_english_terminal_report_is_unchanged():
    text = _terminal()
    assert text == _terminal(lang="en")
    assert "Grading report: kim" in text
    assert "Exercise" in text and "Checks passed" in text and "Total" in text
    assert "✗ identity at inference (training=False) [0 / 1]" in text
    assert UNCHANGED in text and "Your code printed:" in text


def test_terminal_report_in_korean():
    text = _terminal(lang="ko")
    assert "채점 결과: kim" in text and "합계" in text
    assert "✗ 추론 모드(training=False)에서는 입력을 그대로 출력 [0 / 1]" in text
    assert "코드가 출력한 내용:" in text
    for line in text.splitlines():
        assert not english_left(line), line


def test_feedback_markdown_in_korean():
    text = feedback_markdown(_result(), lang="ko")
    assert text.startswith("# kim 피드백\n")
    assert "| 문제 | 점수 | 통과한 검사 |" in text
    assert "GaussianNoise의 검사 2개" in text
    assert not english_left(text)


def test_results_json_in_korean_keeps_the_schema(tmp_path):
    data = write_results(_result(), tmp_path / "results.json", extra={"trouble": []}, lang="ko")
    assert json.loads((tmp_path / "results.json").read_text(encoding="utf-8")) == data
    names = [t["name"] for t in data["tests"]]
    assert names[0] == "Dropout: 추론 모드(training=False)에서는 입력을 그대로 출력"
    assert [t["tags"] for t in data["tests"]] == [["Dropout"], ["Dropout"], ["GaussianNoise"], ["GaussianNoise"]]
    assert data["tests"][1]["output"] == "통과."
    assert data["output"].startswith("합계: 2 / 5")
    assert not any(english_left(t["output"]) for t in data["tests"])


def test_results_json_marks_public_checks_in_extra_data():
    tests = results_dict(_result())["tests"]
    assert [t["extra_data"] for t in tests] == [{"public": True}, {"public": True}, {"public": True}, {"public": False}]
    assert tests[0]["output"] == UNCHANGED


@pytest.mark.parametrize("lang, title, score, notice", [
    ("en", "Public checks: kim", "Public checks passed: 1 / 4", "Hidden checks also count towards your grade"),
    ("ko", "공개 검사 결과: kim", "통과한 공개 검사: 1 / 4", "비공개 검사도 점수에 들어가므로"),
])
def test_public_checks_report_says_hidden_checks_count_too(lang, title, score, notice):
    terminal = " ".join(_terminal(lang=lang, public_only=True).split())
    markdown = " ".join(feedback_markdown(_result(), lang=lang, public_only=True).split())
    for text in (terminal, markdown):
        assert title in text and score in text and notice in text
        assert "2 / 5" not in text and "0 / 1" not in text  # no points presented as a grade
    assert "Grading report" not in terminal


def test_class_summary_in_korean_translates_the_trouble():
    report = ClassReport(rows=[Row("kim", {"L2": 3.0}, 3.0, 10.0, "graded")], graded=1, skipped=0, seconds=2.0,
                         trouble={"lee": [("Dropout: timed out after 10 s while checking 'inference': is there an "
                                           "endless loop?")]})
    console = Console(record=True, width=200, file=io.StringIO())
    print_class_summary(report, Path("out"), console, lang="ko")
    text = console.export_text()
    assert "학생 1명" in text and "Dropout: 시간 제한 10초를 넘겨 중단했습니다 ('inference' 검사 중)" in text
    assert not english_left(text.replace("<student>/results.json", ""))
