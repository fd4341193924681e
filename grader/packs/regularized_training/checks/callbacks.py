"""Checks of EarlyStopping: each scripted case the student's callback ran, against the reference's.

A case is a constructor call and a sequence of monitored values (probes/callbacks.py). Its outcome is exact:
how many epochs ran, `stopped_epoch`, `best`, `best_epoch`, `wait`, and which epoch's weights the model holds
at the end. A check fails on the first case of its group that differs, says the case, both outcomes and the
first epoch where `wait` or `best` parted ways; where the student's outcome is what a known mistake gives on
that case (a small model of the callback with that mistake switched on), and the reference's is not, it names
the mistake.
"""

from __future__ import annotations

import math
from typing import Any

from grader.checks import CheckSet, Fail, Mistake, register
from grader.checks.compare import fmt
from grader.packs.regularized_training.probes.callbacks import EQUAL, MISSING, MODES, PATIENCE, RESTORE, Case
from grader.probes.tensors import call_text
from grader.sandbox.pool import ProbeError
# BEGIN HIDDEN
from grader.packs.regularized_training.probes.callbacks import (ABSENT, BASELINE, FITS, HIDDEN_CASES, MIN_DELTA,
                                                               NAN_CASES, OTHER_MODES, PUBLIC_CASES, REUSE, START)
# END HIDDEN

FIELDS = ("epochs", "stopped_epoch", "best", "best_epoch", "wait")
"""What a run's outcome is compared on; the final weights too where the case sets restore_best_weights."""


def _runs(case: dict | None) -> list[dict]:
    """The runs of an observed case; a constructor that raised is one run made of that error."""
    if case is None:
        return []
    if case.get("error"):
        return [{"error": case["error"]}]
    return list(case.get("runs", []))


def _inert(core: dict) -> str | None:
    cases = list(core["cases"].values())
    runs = [run for case in cases for run in _runs(case)]
    if not runs or any(run.get("error") for run in runs):
        return None
    if not any(run["stopped"] for run in runs) and all(run["best"] in (None, MISSING) for run in runs):
        return (f"EarlyStopping never stopped training and never recorded a best value in any of the {len(runs)} "
                "scripted runs: on_epoch_end does nothing yet, so none of its checks count.")
    return None


checks = register(CheckSet("EarlyStopping", core="scripted", inert=_inert))


def _same_value(got: Any, want: Any) -> bool:
    numbers = (int, float)
    if isinstance(got, numbers) and isinstance(want, numbers):
        if math.isnan(want) or math.isnan(got):
            return math.isnan(want) and math.isnan(got)
        if math.isinf(want) or math.isinf(got):
            return got == want
        return abs(got - want) <= 1e-6 * max(1.0, abs(want))  # best may be kept in float32
    return got == want


def _same_run(got: dict, want: dict, weights: bool = True) -> bool:
    if got.get("error") or want.get("error"):
        return bool(got.get("error")) and bool(want.get("error"))
    fields = FIELDS + ("weight",) if weights else FIELDS
    return all(_same_value(got.get(field), want.get(field)) for field in fields)


def _same_runs(got: list[dict], want: list[dict], spec: Case, weights: bool = True) -> bool:
    """Equal outcomes; the final weights count where ``spec`` says restore_best_weights (True or False), so
    that a restore where none was asked fails the restore check, not every check, and not at all when
    ``weights`` is False."""
    weights = weights and "restore_best_weights" in spec.kwargs
    return len(got) == len(want) and all(_same_run(g, w, weights) for g, w in zip(got, want))


def _value(value: Any) -> str:
    if value is None or isinstance(value, str):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return fmt(value) if isinstance(value, (int, float)) else str(value)


def _values(values: tuple[float, ...]) -> str:
    return "[" + ", ".join(_value(v) for v in values) + "]"


def _arguments(spec: Case) -> str:
    return call_text("EarlyStopping", spec.kwargs)[len("EarlyStopping("):-1]


def case_text(spec: Case, run: int = 0) -> str:
    """The constructor call and the monitored values, as the student can rerun them."""
    return f"EarlyStopping({_arguments(spec)}) with {spec.logged} = {_values(spec.runs[run])}"


def error_text(error: dict) -> str:
    described = ProbeError(str(error.get("type")), str(error.get("message") or ""), error.get("where"),
                           bool(error.get("probe_failure"))).describe()
    if error.get("epoch") is not None:
        return f"an exception at epoch {error['epoch']}: {described}"
    return f"an exception: {described}"


def outcome_text(run: dict) -> str:
    if run.get("error"):
        return error_text(run["error"])
    return (f"{_value(run['epochs'])} epochs run, stopped_epoch={_value(run['stopped_epoch'])}, "
            f"best={_value(run['best'])}, best_epoch={_value(run['best_epoch'])}, wait={_value(run['wait'])}, "
            f"final weights from epoch {_value(run['weight'])}")


def _trace_difference(got: dict, want: dict) -> str | None:
    """The first epoch after which `wait` or `best` differ, when both runs went that far."""
    if got.get("error") or want.get("error"):
        return None
    for epoch, (mine, theirs) in enumerate(zip(got.get("trace", []), want.get("trace", []))):
        if not (_same_value(mine[0], theirs[0]) and _same_value(mine[1], theirs[1])):
            return (f"The first difference is after epoch {epoch}: wait={_value(mine[0])}, best={_value(mine[1])}; "
                    f"expected wait={_value(theirs[0])}, best={_value(theirs[1])}.")
    return None


def _diagnose(group: dict[str, Case], got: dict, want: dict, name: str, weights: bool = True) -> Mistake | None:
    """The known mistake the student's outcome on case ``name`` matches (the hidden model of mistakes
    below replaces this when grading)."""
    return None


def judge_cases(group: dict[str, Case], got: dict, want: dict, describe=case_text, weights: bool = True) -> None:
    """Fail on the first case of ``group`` whose outcome differs from the reference's; ``describe(spec, run)``
    says the case. ``weights``: whether the final weights count (see _same_runs)."""
    differing = [name for name in group
                 if not _same_runs(_runs(got.get(name)), _runs(want[name]), group[name], weights)]
    if not differing:
        return
    name = differing[0]
    spec = group[name]
    mine, theirs = _runs(got.get(name)), _runs(want[name])
    restored = weights and "restore_best_weights" in spec.kwargs
    index = next((i for i, w in enumerate(theirs) if i >= len(mine) or not _same_run(mine[i], w, restored)), 0)
    mine_run = mine[min(index, len(mine) - 1)]
    text = (f"{len(differing)} of {len(group)} scripted cases differ. The first: {describe(spec, index)}: "
            f"expected {outcome_text(theirs[index])}; got {outcome_text(mine_run)}.")
    # One sentence a line: each is translated on its own.
    detail = _trace_difference(mine_run, theirs[index])
    if detail:
        text += "\n" + detail
    mistake = _diagnose(group, got, want, name, weights)
    if mistake:
        text += "\n" + mistake
    raise Fail(text, mistake=mistake)


@checks.add("stops after `patience` epochs without improvement", 2, "scripted", public=True)
def patience(obs: dict, ref: dict) -> None:
    judge_cases(PATIENCE, obs["scripted"]["cases"], ref["scripted"]["cases"])


@checks.add("an equal value is not an improvement", 1, "scripted", public=True)
def equal(obs: dict, ref: dict) -> None:
    judge_cases(EQUAL, obs["scripted"]["cases"], ref["scripted"]["cases"])


@checks.add("mode: 'min', 'max' and 'auto' on a loss", 2, "scripted", public=True)
def modes(obs: dict, ref: dict) -> None:
    judge_cases(MODES, obs["scripted"]["cases"], ref["scripted"]["cases"])


@checks.add("restore_best_weights, with and without an early stop", 2, "scripted", public=True)
def restore(obs: dict, ref: dict) -> None:
    judge_cases(RESTORE, obs["scripted"]["cases"], ref["scripted"]["cases"])


# BEGIN HIDDEN
# A model of the callback (the docstring's rules) in which one known mistake at a time can be switched on.
# Its predictions name the mistake a student's outcome matches; it never decides a verdict.
MISTAKES = {
    "equal-improves": Mistake(
        "An equal value counts as an improvement: the test is strict (current + min_delta < best in mode 'min', "
        "current - min_delta > best in mode 'max'), not <= or >=.", cause="early-stopping-equal-improves"),
    "wait-gt-patience": Mistake(
        "It stops one epoch late: stop when wait >= patience (wait is increased first), not wait > patience.",
        cause="early-stopping-wait-gt-patience"),
    "wait-only-without-improvement": Mistake(
        "wait is only counted on epochs without improvement: add 1 at every monitored epoch, before the test, and "
        "set it back to 0 only when the value also beats the baseline.",
        cause="early-stopping-wait-only-without-improvement"),
    "improving-epoch-stops": Mistake(
        "An improving epoch reached the stop test: after an improvement, on_epoch_end returns, so an improving "
        "epoch never stops training.", cause="early-stopping-improving-epoch-stops"),
    "baseline-ignored": Mistake(
        "wait goes back to 0 on every improvement: with a baseline, it does so only when the value also beats "
        "the baseline.", cause="early-stopping-baseline-ignored"),
    "best-starts-at-baseline": Mistake(
        "best starts at the baseline: best starts at None, so the first monitored value is always an "
        "improvement; the baseline only decides when wait goes back to 0.",
        cause="early-stopping-best-starts-at-baseline"),
    "best-starts-at-infinity": Mistake(
        "best starts at an infinity: it starts at None, and the first monitored value (NaN included) is always "
        "an improvement.", cause="early-stopping-best-starts-at-infinity"),
    "restore-only-when-stopped": Mistake(
        "The best weights are put back only when training stopped early (Keras 2): Keras 3 puts them back in "
        "on_train_end whenever restore_best_weights is set and a snapshot exists.",
        cause="early-stopping-restore-only-when-stopped"),
    "restore-no-op": Mistake(
        "The weights of the best epoch are not put back: in on_train_end call model.set_weights(best_weights), "
        "with snapshots made by model.get_weights() (copies); model.weights holds the live variables, which "
        "change with the model.", cause="early-stopping-restore-no-op"),
    "restore-always": Mistake(
        "The weights were put back although restore_best_weights=False.", cause="early-stopping-restore-always"),
    "snapshot-first-only": Mistake(
        "The weights are saved only at the first monitored epoch: save them again at every improvement.",
        cause="early-stopping-snapshot-first-only"),
    "no-reset": Mistake(
        "The state of the first fit carried over to the second: on_train_begin must reset wait, stopped_epoch, "
        "best, best_weights and best_epoch.", cause="early-stopping-no-reset"),
    "start-ignored": Mistake(
        "start_from_epoch is ignored: skip every epoch with epoch < start_from_epoch (epochs count from 0).",
        cause="early-stopping-start-ignored"),
    "start-off-by-one": Mistake(
        "One epoch too many is skipped: skip the epochs with epoch < start_from_epoch (epochs count from 0), "
        "not epoch <= start_from_epoch.", cause="early-stopping-start-off-by-one"),
    "min-delta-ignored": Mistake(
        "min_delta is ignored: an improvement must beat best by more than min_delta.",
        cause="early-stopping-min-delta-ignored"),
    "min-delta-wrong-direction": Mistake(
        "min_delta is applied in the wrong direction: in mode 'min' the test is current + min_delta < best, in "
        "mode 'max' current - min_delta > best.", cause="early-stopping-min-delta-wrong-direction"),
    "min-delta-signed": Mistake(
        "A negative min_delta is used as it is: use its absolute value.", cause="early-stopping-min-delta-signed"),
    "max-as-min": Mistake(
        "mode 'max' is treated like 'min': in mode 'max' a larger value is an improvement.",
        cause="early-stopping-max-as-min"),
    "name-over-mode": Mistake(
        "The monitor's name decided the direction although mode was given: only mode 'auto' looks at the name.",
        cause="early-stopping-name-over-mode"),
    "auto-always-min": Mistake(
        "mode 'auto' minimized an accuracy: a monitor whose name contains 'acc' (or 'auc') is maximized.",
        cause="early-stopping-auto-always-min"),
    "missing-key-raises": Mistake(
        "A monitor missing from logs raised an exception: warn (warnings.warn) and return instead; that run "
        "never stops early.", cause="early-stopping-missing-key-raises"),
    "nan-improves": Mistake(
        "NaN counted as an improvement: every comparison with NaN is False, so NaN never improves on best.",
        cause="early-stopping-nan-improves"),
}

SILENT_MISSING_KEY = Mistake("A monitor missing from logs gives no warning.",
                             cause="early-stopping-missing-key-silent")
SILENT_UNKNOWN_MODE = Mistake("An unknown mode gives no warning.", cause="early-stopping-unknown-mode-silent")

def simulate(spec: Case, mistake: str = "") -> list[dict]:
    """The outcome of each run of ``spec`` by the docstring's rules, with ``mistake`` (a key of MISTAKES)
    made; {"error": True} where that mistake raises."""
    kwargs = spec.kwargs
    mode = kwargs.get("mode", "auto")
    mode = mode if mode in ("auto", "min", "max") else "auto"
    delta = kwargs.get("min_delta", 0)
    delta = {"min-delta-signed": delta, "min-delta-ignored": 0.0, "min-delta-wrong-direction": -abs(delta)}.get(
        mistake, abs(delta))
    name = spec.monitor.removeprefix("val_")
    by_name = -1 if name.endswith("loss") else 1 if ("acc" in name or "auc" in name) else -1
    sign = by_name if mode == "auto" or mistake == "name-over-mode" else 1 if mode == "max" else -1
    if (mode == "auto" and mistake == "auto-always-min") or (mode == "max" and mistake == "max-as-min"):
        sign = -1
    patience, baseline = kwargs.get("patience", 0), kwargs.get("baseline")
    start = kwargs.get("start_from_epoch", 0)
    saving = kwargs.get("restore_best_weights", False) or mistake == "restore-always"

    def better(value: float, reference: float | None) -> bool:
        if reference is None or (mistake == "nan-improves" and math.isnan(value)):
            return True
        high, low = (value - delta, reference) if sign > 0 else (reference, value + delta)
        return high >= low if mistake == "equal-improves" else high > low

    def fresh() -> dict:
        best = baseline if mistake == "best-starts-at-baseline" else None
        if mistake == "best-starts-at-infinity":
            best = -math.inf if sign > 0 else math.inf
        return {"wait": 0, "stopped_epoch": 0, "best": best, "best_epoch": 0, "snapshot": None}

    outcomes: list[dict] = []
    state = fresh()
    for index, values in enumerate(spec.runs):
        if index and mistake != "no-reset":
            state = fresh()
        epochs, stopped = 0, False
        for epoch, value in enumerate(values):
            epochs = epoch + 1
            if spec.logged != spec.monitor:
                if mistake == "missing-key-raises":
                    return outcomes + [{"error": True}]
                continue
            skipped = epoch <= start if mistake == "start-off-by-one" else epoch < start
            if skipped and mistake != "start-ignored":
                continue
            if saving and state["snapshot"] is None:
                state["snapshot"] = epoch
            if mistake != "wait-only-without-improvement":
                state["wait"] += 1
            if better(value, state["best"]):
                state.update(best=value, best_epoch=epoch)
                if saving and mistake != "snapshot-first-only":
                    state["snapshot"] = epoch
                if baseline is None or mistake == "baseline-ignored" or better(value, baseline):
                    state["wait"] = 0
                if mistake != "improving-epoch-stops":
                    continue
            elif mistake == "wait-only-without-improvement":
                state["wait"] += 1
            if (state["wait"] > patience if mistake == "wait-gt-patience" else state["wait"] >= patience) and epoch:
                state["stopped_epoch"], stopped = epoch, True
                break
        restored = saving and state["snapshot"] is not None and mistake != "restore-no-op" and not (
            mistake == "restore-only-when-stopped" and not stopped)
        outcomes.append({"epochs": epochs, "stopped_epoch": state["stopped_epoch"], "best": state["best"],
                         "best_epoch": state["best_epoch"], "wait": state["wait"],
                         "weight": state["snapshot"] if restored else epochs - 1})
    return outcomes


ALL_CASES = {**PUBLIC_CASES, **HIDDEN_CASES, **FITS}


def _diagnose(group: dict[str, Case], got: dict, want: dict, name: str, weights: bool = True) -> Mistake | None:
    """The mistake whose prediction is the student's outcome on case ``name`` (and not the reference's); of
    several, the one that also predicts the most other cases the probe ran (two mistakes can agree on one
    case, rarely on all). None when the model itself does not reproduce the reference there (then it cannot
    tell)."""
    spec = group[name]
    if not _same_runs(simulate(spec), _runs(want[name]), spec):
        return None
    found, agreeing = None, 0
    for key, mistake in MISTAKES.items():
        predicted = simulate(spec, key)
        if (_same_runs(predicted, _runs(want[name]), spec, weights)
                or not _same_runs(predicted, _runs(got.get(name)), spec, weights)):
            continue
        count = sum(_same_runs(simulate(ALL_CASES[other], key), _runs(got[other]), ALL_CASES[other], weights)
                    for other in got if other in ALL_CASES)
        if count > agreeing:
            found, agreeing = mistake, count
    return found


def _absent_text(spec: Case, run: int = 0) -> str:
    return f"EarlyStopping({_arguments(spec)}) with logs holding only {spec.logged} = {_values(spec.runs[run])}"


def _reuse_text(spec: Case, run: int = 0) -> str:
    return (f"EarlyStopping({_arguments(spec)}), fit number {run + 1} of the same instance, with {spec.logged} = "
            f"{_values(spec.runs[run])}")


def _fit_text(spec: Case, run: int = 0) -> str:
    return (f"model.fit(..., epochs={len(spec.runs[run])}, callbacks=[..., EarlyStopping({_arguments(spec)})]) "
            f"with {spec.logged} = {_values(spec.runs[run])}")


def _restores(obs: dict, ref: dict) -> bool:
    """Whether the student's callback puts the right weights back in the public restore cases: elsewhere the
    final weights count only then, so that a broken restore costs the restore check alone."""
    got, want = obs["scripted"]["cases"], ref["scripted"]["cases"]
    return all(_same_runs(_runs(got.get(name)), _runs(want[name]), spec) for name, spec in RESTORE.items())


@checks.add("min_delta: a margin to beat, used as its absolute value", 2, "hidden")
def min_delta(obs: dict, ref: dict) -> None:
    judge_cases(MIN_DELTA, obs["hidden"]["cases"], ref["hidden"]["cases"])


@checks.add("baseline: wait goes back to 0 only once the baseline is beaten", 2, "hidden")
def baseline(obs: dict, ref: dict) -> None:
    judge_cases(BASELINE, obs["hidden"]["cases"], ref["hidden"]["cases"])


@checks.add("start_from_epoch skips the first epochs", 1, ("hidden", "scripted"))
def start_from_epoch(obs: dict, ref: dict) -> None:
    judge_cases(START, obs["hidden"]["cases"], ref["hidden"]["cases"], weights=_restores(obs, ref))


@checks.add("a monitor missing from logs warns and never stops", 1, ("hidden", "scripted"))
def absent(obs: dict, ref: dict) -> None:
    got, want = obs["hidden"]["cases"], ref["hidden"]["cases"]
    judge_cases(ABSENT, got, want, _absent_text, _restores(obs, ref))
    for name, spec in ABSENT.items():
        if _runs(want[name])[0]["warnings"] and not _runs(got[name])[0]["warnings"]:
            raise Fail(f"{_absent_text(spec)}: no warning was raised; expected a warning (warnings.warn) saying that "
                       f"{spec.monitor} is not in logs, with the keys that are.", mistake=SILENT_MISSING_KEY)


@checks.add("NaN is never an improvement", 1, "hidden")
def nan(obs: dict, ref: dict) -> None:
    judge_cases(NAN_CASES, obs["hidden"]["cases"], ref["hidden"]["cases"])


@checks.add("on_train_begin resets the state: one instance, two fits", 1, ("hidden", "scripted"))
def reuse(obs: dict, ref: dict) -> None:
    judge_cases(REUSE, obs["hidden"]["cases"], ref["hidden"]["cases"], _reuse_text, _restores(obs, ref))


@checks.add("mode 'auto' maximizes an accuracy; an unknown mode warns and falls back to 'auto'", 1, "hidden")
def other_modes(obs: dict, ref: dict) -> None:
    got, want = obs["hidden"]["cases"], ref["hidden"]["cases"]
    for name, spec in OTHER_MODES.items():
        if want[name]["init_warnings"] and not got[name].get("init_warnings") and not got[name].get("error"):
            raise Fail(f"EarlyStopping({_arguments(spec)}) raised no warning; expected one (warnings.warn) "
                       "before falling back to mode 'auto'.", mistake=SILENT_UNKNOWN_MODE)
    judge_cases(OTHER_MODES, got, want)


def _fit_cases(cases: dict) -> dict:
    """A fit's observation as a case of one run."""
    return {name: {"error": None, "runs": [case]} for name, case in cases.items()}


@checks.add("inside model.fit: the stop, History's length and the restored weights", 2, ("fit", "scripted"))
def fit(obs: dict, ref: dict) -> None:
    judge_cases(FITS, _fit_cases(obs["fit"]["cases"]), _fit_cases(ref["fit"]["cases"]), _fit_text,
                _restores(obs, ref))
# END HIDDEN
