"""Judging a configuration grid: compare each configuration, then localize what the failures share.

A behaviour (the training output, the gradient w.r.t. x, the moving statistics...) is compared on every
configuration of the exercise's declared space. The check keeps the share of points of the configurations
that pass. Its feedback says first which factor separates the failing configurations from the passing
ones, then which known mistake the failing results match (and on how many of them), then one failing
configuration in full: expected against observed, or the exception with the student's line.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable

import numpy as np

from grader.checks import Fail
from grader.probes.grid import MODES, MODES_AND_FROZEN
from grader.sandbox.pool import probe_error

Compare = Callable[[dict, dict], None]
"""Raises Fail when the student's case (first) does not behave as the reference case (second)."""

# Examples of failing configurations printed in full; the contrast summary covers the rest.
EXAMPLES = 2


@dataclass(frozen=True)
class Outcome:
    config: dict[str, str]
    failure: str = ""
    mistake: str | None = None
    crashed: bool = False


def level_text(name: str, label: str, verb: str = "") -> str:
    """``dtype float64`` / ``dtype is float64``; a label that names its own argument (``rate=0.3``) stands alone."""
    if "=" in label or name in ("arguments", "input", "weights", "noise_shape", "mode"):
        return label
    return f"{name} {verb + ' ' if verb else ''}{label}"


def config_text(config: dict[str, str]) -> str:
    return ", ".join(level_text(name, label) for name, label in config.items())


def _error(case: dict, sections: tuple[str, ...]) -> dict | None:
    """The exception recorded for the whole configuration or for one of the sections a behaviour reads."""
    if "error" in case:
        return case["error"]
    for name in sections:
        section = case.get(name)
        if isinstance(section, dict) and "error" in section:
            return section["error"]
    return None


def raised_everywhere(core: object, error_type: str) -> bool:
    """True when a grid observation shows ``error_type`` raised in every configuration (in any section)."""
    cases = core.get("cases") if isinstance(core, dict) else None
    if not cases or not isinstance(cases, list):
        return False
    sections = lambda case: tuple(k for k, v in case.items() if isinstance(v, dict))  # noqa: E731
    return all(isinstance(case, dict) and (_error(case, sections(case)) or {}).get("type") == error_type
               for case in cases)


def outcomes(got_cases: list[dict], want_cases: list[dict], compare: Compare, sections: tuple[str, ...] = ()) -> list[Outcome]:
    results = []
    for got, want in zip(got_cases, want_cases):
        config = want["config"]
        if _error(want, sections) is not None:  # the reference itself failed: the grader's problem
            raise ValueError(f"the reference raised on {config_text(config)}: {_error(want, sections)}")
        if got.get("config") != config:
            raise ValueError(f"configurations out of step: {got.get('config')} vs {config}")
        raised = _error(got, sections)
        if raised is not None:
            error = probe_error(raised)
            text = error.describe() if error.probe_failure else (
                f"the code raised an error on this input, so nothing could be compared: {error.describe()}")
            results.append(Outcome(config, text, crashed=True))
            continue
        try:
            compare(got, want)
        except Fail as failure:
            results.append(Outcome(config, str(failure) or "failed", failure.mistake))
        else:
            results.append(Outcome(config))
    if len(results) != len(want_cases):
        raise ValueError(f"{len(results)} configurations observed, {len(want_cases)} expected")
    return results


ONLY = "only "
"""Marks a level of a condition that the PASSING configurations hold: "it passes only when ..."."""

Condition = list[tuple[str, list[str]]]
"""Factors, each with the levels it may take: every term holds (AND), a term's levels are alternatives (OR)."""


def separating(results: list[Outcome]) -> list[Condition]:
    """Conditions that every failing configuration meets and no passing one does: one factor whose failing
    levels never pass (fewest levels first), or else a pair of levels (an interaction such as float32 with a
    large mean)."""
    failing = [r for r in results if r.failure]
    passing = [r for r in results if not r.failure]
    if len(failing) < 2 or not passing:
        return []  # one failing configuration holds every one of its levels: nothing to tell apart
    names = list(failing[0].config)
    order = {name: [r.config[name] for r in results] for name in names}
    singles = []
    for name in names:
        bad = {r.config[name] for r in failing}
        good = {r.config[name] for r in passing}
        if bad & good:
            continue
        if 2 * len(bad) <= len(bad | good):
            singles.append([(name, sorted(bad, key=order[name].index))])
        else:  # most levels fail: what the passing ones share is the sharper statement
            singles.append([(name, [ONLY + label for label in sorted(good, key=order[name].index)])])
    if singles:
        return sorted(singles, key=lambda condition: len(condition[0][1]))
    shared = [(name, label) for name, label in failing[0].config.items() if all(r.config[name] == label for r in failing)]
    return [[(n1, [l1]), (n2, [l2])] for (n1, l1), (n2, l2) in itertools.combinations(shared, 2)
            if not any(r.config[n1] == l1 and r.config[n2] == l2 for r in passing)]


# A level held by at least this share of the failing configurations and at most ENRICHED_PASSING of the
# passing ones is reported as what most failures share: weaker evidence than a separation, said as such.
ENRICHED_FAILING = 0.6
ENRICHED_PASSING = 0.25


def enriched(results: list[Outcome]) -> tuple[str, str, int] | None:
    """(factor, level, how many failing configurations hold it) for the level most over-represented among
    the failing configurations, when no condition separates them."""
    failing = [r for r in results if r.failure]
    passing = [r for r in results if not r.failure]
    if len(failing) < 2 or not passing:
        return None
    best = None
    for name in failing[0].config:
        for label in dict.fromkeys(r.config[name] for r in failing):
            in_failing = sum(r.config[name] == label for r in failing) / len(failing)
            in_passing = sum(r.config[name] == label for r in passing) / len(passing)
            if in_failing >= ENRICHED_FAILING and in_passing <= ENRICHED_PASSING:
                score = in_failing - in_passing
                if best is None or score > best[0]:
                    best = (score, name, label, sum(r.config[name] == label for r in failing))
    return None if best is None else best[1:]


def contrast(results: list[Outcome]) -> str:
    """What the failing configurations share that the passing ones never have, as far as the grid tells."""
    failing = [r for r in results if r.failure]
    if len(failing) == len(results):
        return f"It fails on all {len(results)} configurations tried."
    head = f"It fails on {len(failing)} of {len(results)} configurations"
    found = separating(results)
    if len(failing) == 1:
        return f"It fails on 1 of {len(results)} configurations."
    if not found:
        common = enriched(results)
        if common:
            name, label, count = common
            return (f"{head}; no factor sets them all apart, but {count} of the {len(failing)} failing ones have "
                    f"{level_text(name, label)}, which few of the passing ones have.")
        return head + "; no single factor (shape and axis, dtype, data, arguments) sets them apart from the ones that pass."
    if len(found) == 1 and found[0][0][1][0].startswith(ONLY):
        name, labels = found[0][0]
        allowed = " or ".join(level_text(name, label[len(ONLY):], "is") for label in labels)
        return f"{head}: it passes only when {allowed}, and fails for every other {name}."
    found = [c for c in found if not c[0][1][0].startswith(ONLY)] or found
    parts = [" and ".join(" or ".join(level_text(name, label.removeprefix(ONLY), "is") for label in labels)
                          for name, labels in condition) for condition in found]
    if len(parts) == 1:
        return f"{head}: it fails whenever {parts[0]}, and passes otherwise."
    return (f"{head}: every failing one has {'; '.join(parts)}, and no passing one does. The grid cannot tell "
            f"which of these matters.")


_DIGITS = re.compile(r"\d+(\.\d+)?(e-?\d+)?")


def diagnosis(results: list[Outcome]) -> tuple[str, str | None]:
    """(sentence, mistake): the known mistake the failing results match, with how often it matched."""
    failing = [r for r in results if r.failure and not r.crashed]
    # The same mistake reads with the numbers of its configuration (N-1 = 7, N-1 = 23): count them as one.
    counts = Counter(_DIGITS.sub("#", r.mistake) for r in failing if r.mistake)
    if not counts:
        return "", None
    key, hits = counts.most_common(1)[0]
    if 2 * hits <= len(failing):
        return "", None  # a match on a minority of the failures is more likely a coincidence than the cause
    mistake = next(r.mistake for r in failing if r.mistake and _DIGITS.sub("#", r.mistake) == key)
    if hits == len(failing):
        return f"On every failing configuration the results match a known mistake: {mistake}", mistake
    return (f"On {hits} of the {len(failing)} failing configurations the results match a known mistake, so it is "
            f"likely but not certain: {mistake}", mistake)


def select(got_cases: list[dict], want_cases: list[dict], name: str, labels: tuple[str, ...]) -> tuple[list[dict], list[dict]]:
    """The configurations whose factor ``name`` has one of ``labels``: a behaviour observed on those only
    (one mode of calling the layer) is judged on those only."""
    kept = [i for i, want in enumerate(want_cases) if want["config"][name] in labels]
    return [got_cases[i] for i in kept], [want_cases[i] for i in kept]


FALSE, OMITTED, NONE = (level.label for level in MODES.levels)
FROZEN_MODE = MODES_AND_FROZEN.levels[-1].label
MODE_TEXT = {
    FALSE: "With training=False",
    OMITTED: "When called without `training` (the default must be False)",
    NONE: "With training=None (as Keras passes it when no mode is set: test `if training:`, not `training is False`)",
}


Hint = Callable[[list[dict], list[dict], list[Outcome]], str]
"""Given the student's cases, the reference's and the outcomes, a sentence that contrasts behaviours, or ''."""


def judge_grid(got_cases: list[dict], want_cases: list[dict], compare: Compare, sections: tuple[str, ...] = (),
               hint: Hint | None = None) -> None:
    """Fail with localized feedback, keeping the share of passing configurations as credit.

    ``sections``: the parts of each case the behaviour reads; an exception recorded in one is a crash there.
    """
    results = outcomes(got_cases, want_cases, compare, sections)
    failing = [r for r in results if r.failure]
    if not failing:
        return
    lines = [contrast(results)]
    sentence, mistake = diagnosis(results)
    if sentence:
        lines.append(sentence)
    complete = mistake is not None and sentence.startswith("On every failing")
    extra = hint(got_cases, want_cases, results) if hint and not complete else ""  # a full match says more
    if extra:
        lines.append(extra)
    for r in _examples(failing):
        lines.append(f"For {config_text(r.config)}: {r.failure}")
    credit = 1.0 - len(failing) / len(results)
    raise Fail("\n".join(lines), mistake=mistake, credit=credit)


def _examples(failing: list[Outcome]) -> list[Outcome]:
    """A crash and a wrong value each get shown when both occur; otherwise the first ones."""
    crashed = [r for r in failing if r.crashed]
    wrong = [r for r in failing if not r.crashed]
    if crashed and wrong:
        return [crashed[0], wrong[0]]
    return failing[:EXAMPLES]


def passes(got: dict, want: dict, compare: Compare, sections: tuple[str, ...] = ()) -> bool:
    """Whether one configuration passes ``compare``: for hints that contrast two behaviours."""
    if _error(got, sections) is not None:
        return False
    try:
        compare(got, want)
    except Fail:
        return False
    return True


def level_notes(notes: dict[tuple[str, str], str]) -> Hint:
    """A hint from what sets the failing configurations apart: the sentence declared for a level that the
    contrast singles out (a likely cause, not a verdict)."""

    def hint(got_cases: list[dict], want_cases: list[dict], results: list[Outcome]) -> str:
        for condition in separating(results):
            for name, labels in condition:
                if labels[0].startswith(ONLY) and len(labels) > 1:
                    # several levels pass: a note about one of them would overstate; the failing levels speak
                    labels = list(dict.fromkeys(r.config[name] for r in results if r.failure))
                for label in labels:
                    if (name, label) in notes:
                        return f"A likely cause: {notes[(name, label)]}"
        common = enriched(results)
        if common and (common[0], common[1]) in notes:
            return f"A possible cause, since most failures share it: {notes[(common[0], common[1])]}"
        return ""

    return hint


def both(*hints: Hint) -> Hint:
    def hint(got_cases: list[dict], want_cases: list[dict], results: list[Outcome]) -> str:
        return " ".join(h(got_cases, want_cases, results) for h in hints if h).strip()

    return hint


def grid_verdict(exercise: str, section: str, inert: Callable[[dict], str | None]) -> Callable[[dict], str | None]:
    """The exercise-wide verdict for a grid core probe: every configuration raised, or the code does nothing."""

    def verdict(core: dict) -> str | None:
        cases = core["cases"]
        errors = [_error(case, (section,)) for case in cases]
        if cases and all(e is not None for e in errors):
            return (f"{exercise} raised an error on every one of the {len(cases)} configurations tried, so none of its "
                    f"checks count. The first: {probe_error(errors[0]).describe()}")
        return next((inert(case) for case, error in zip(cases, errors) if error is None), None)

    return verdict


# BEGIN HIDDEN
def add_mode_checks(checks, identity: Callable[[object, object, str], None], notes: Hint) -> None:
    """A random layer returns its input unless training is true: with training=False, with `training` omitted,
    and with training=None passed explicitly (one per configuration, as its mode factor says); frozen
    (trainable=False) it still works in training, since it has no weights to freeze. The frozen call is
    judged against the same layer's own training call, so a mistake in training itself costs nothing here.
    ``identity(got, x, how)`` raises Fail."""

    def compare(got: dict, want: dict) -> None:
        identity(got["mode"]["y"], want["x"], MODE_TEXT[want["config"]["mode"]])

    def frozen(got: dict, want: dict) -> None:
        x, trained, y = (np.asarray(a) for a in (want["x"], got["train"]["y"], got["mode"]["y"]))
        if np.array_equal(y, x) and not np.array_equal(trained, x):
            raise Fail("With layer.trainable = False and training=True, the output is the input unchanged, while "
                       f"training=True alone changes it: {FROZEN_RANDOM}", mistake=FROZEN_RANDOM)

    @checks.add("identity at inference on every configuration", 1, "grid")
    def grid_identity(obs: dict, ref: dict) -> None:
        judge_grid(*select(obs["grid"]["cases"], ref["grid"]["cases"], "mode", (FALSE, OMITTED, NONE)), compare,
                   ("mode",), notes)

    @checks.add("a frozen layer (trainable=False) still works in training", 1, "grid")
    def grid_frozen(obs: dict, ref: dict) -> None:
        judge_grid(*select(obs["grid"]["cases"], ref["grid"]["cases"], "mode", (FROZEN_MODE,)), frozen, ("train", "mode"),
                   notes)


FROZEN_RANDOM = ("trainable=False freezes weights, and this layer has none: only `training` decides, so test "
                 "`if training:` alone.")
# END HIDDEN
