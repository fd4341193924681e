"""Comparisons whose failures read as feedback: expected, observed, worst element, likely mistake."""

from __future__ import annotations

from typing import Iterable

import numpy as np

from grader.checks import Fail
from grader.settings import ATOL_FRACTION, RTOL, Z_BOUND

# A candidate mistake "matches" when the observation is this close to what the mistake would give.
MISTAKE_RTOL = 2e-3
# ... or when the observation is this many times closer to the mistake's prediction than to the right answer.
MISTAKE_SEPARATION = 10.0


def tolerance(want: np.ndarray, factor: float = 1.0) -> tuple[float, float]:
    """(rtol, atol) for comparing with ``want``: see settings.RTOL and settings.ATOL_FRACTION.

    ``factor`` widens both for data whose float32 precision is known to be poorer (large offsets)."""
    scale = float(np.max(np.abs(want))) if want.size else 1.0
    return RTOL * factor, ATOL_FRACTION * max(1.0, scale) * factor


def fmt(value: float) -> str:
    return f"{value:.6g}"


def index_text(index: tuple[int, ...]) -> str:
    return "(" + ", ".join(str(int(i)) for i in index) + ")" if index else "()"


def close(got: np.ndarray, want: np.ndarray, rtol: float | None = None, equal_nan: bool = False) -> bool:
    """``equal_nan``: a NaN or infinity where ``want`` has the same one counts as equal."""
    if got is None or np.shape(got) != np.shape(want):
        return False
    got = np.asarray(got, dtype=np.float64)
    want = np.asarray(want, dtype=np.float64)
    if equal_nan:
        same = ~np.isfinite(want) & ((got == want) | (np.isnan(got) & np.isnan(want)))
        got, want = np.where(same, 0.0, got), np.where(same, 0.0, want)
    base_rtol, atol = tolerance(want)
    rtol = base_rtol if rtol is None else rtol
    if not np.all(np.isfinite(got)):
        return False
    return bool(np.all(np.abs(got - want) <= atol + rtol * np.abs(want)))


def likely_mistake(got, mistakes: Iterable[tuple[str, np.ndarray]], want: np.ndarray | None = None) -> str | None:
    """The mistake whose prediction the observation matches best (and the right answer does not).

    A prediction matches when it is within MISTAKE_RTOL of the observation, or when the observation is at
    least MISTAKE_SEPARATION times closer to it than the right answer is (a mistake damped by momentum, or
    blurred by float32 rounding, still stands out that way). Best, not first: close mistakes (no epsilon,
    PyTorch's epsilon) can both match.
    """
    found, nearest = None, np.inf
    got_array = np.asarray(got, dtype=np.float64)
    for text, predicted in mistakes:
        if predicted is None or np.shape(predicted) != got_array.shape:
            continue
        predicted_array = np.asarray(predicted, dtype=np.float64)
        if want is not None and close(predicted_array, want):
            continue  # indistinguishable from the right answer here
        with np.errstate(invalid="ignore", over="ignore"):
            to_mistake = float(np.max(np.abs(got_array - predicted_array), initial=0.0))
            to_answer = (float(np.max(np.abs(np.asarray(want, dtype=np.float64) - predicted_array), initial=0.0))
                         if want is not None and np.shape(want) == got_array.shape else np.inf)
        if not np.isfinite(to_mistake):
            continue
        if close(got_array, predicted_array, MISTAKE_RTOL) or to_mistake * MISTAKE_SEPARATION <= to_answer:
            distance = to_mistake / to_answer if np.isfinite(to_answer) and to_answer > 0 else to_mistake
            if distance < nearest:
                found, nearest = text, distance
    return found


def assert_close(got, want, what: str, mistakes: Iterable[tuple[str, np.ndarray]] = (), factor: float = 1.0,
                 equal_nan: bool = False) -> None:
    """Fail with expected/observed/worst element when ``got`` is not ``want`` within tolerance.

    ``equal_nan``: where ``want`` itself is NaN or infinite (derived from the student's own state), the same
    value in ``got`` counts as equal."""
    want = np.asarray(want, dtype=np.float64)
    if got is None:
        raise Fail(f"{what}: no gradient flows (got None). Is a step done outside TensorFlow "
                   "(numpy, .numpy(), float()) or behind tf.stop_gradient?")
    got_array = np.asarray(got, dtype=np.float64)
    if equal_nan and got_array.shape == want.shape:
        same = ~np.isfinite(want) & ((got_array == want) | (np.isnan(got_array) & np.isnan(want)))
        got_array, want = np.where(same, 0.0, got_array), np.where(same, 0.0, want)
    if got_array.shape != want.shape:
        text = f"{what}: expected shape {tuple(want.shape)}, got shape {tuple(got_array.shape)}."
        hint = likely_mistake(got_array, mistakes, want)
        raise Fail(text + (f" {hint}" if hint else ""), mistake=hint)
    bad_values = ~np.isfinite(got_array)
    if bad_values.any():
        index = tuple(np.argwhere(bad_values)[0])
        text = (f"{what}: {int(bad_values.sum())} of {got_array.size} values are NaN or infinite "
                f"(first at index {index_text(index)}, expected {fmt(want[index])}).")
        hint = likely_mistake(got_array, mistakes, want)
        raise Fail(text + (f" {hint}" if hint else ""), mistake=hint)
    rtol, atol = tolerance(want, factor)
    excess = np.abs(got_array - want) - (atol + rtol * np.abs(want))
    if (excess > 0).any():
        index = np.unravel_index(int(np.argmax(excess)), want.shape) if want.ndim else ()
        diff = abs(got_array[index] - want[index])
        if want.size == 1:  # one number: no count of elements, no index
            text = (f"{what} is {fmt(got_array[index])}; expected {fmt(want[index])} "
                    f"(|difference| {diff:.2g}, tolerance {atol + rtol * abs(want[index]):.2g}).")
        else:
            text = (
                f"{what} differs from the expected values at {int((excess > 0).sum())} of {want.size} elements; "
                f"worst at index {index_text(index)}: expected {fmt(want[index])}, got {fmt(got_array[index])} "
                f"(|difference| {diff:.2g}, tolerance {atol + rtol * abs(want[index]):.2g})."
            )
        hint = likely_mistake(got_array, mistakes, want)
        raise Fail(text + (f" {hint}" if hint else ""), mistake=hint)


def binomial_bound(p: float, n: int) -> float:
    """Half-width of the interval a sample fraction stays in, except with probability FALSE_FAIL_RATE."""
    return Z_BOUND * float(np.sqrt(p * (1.0 - p) / n))


def inert_output(name: str, x, y) -> str | None:
    """Why ``y`` shows that a layer did nothing to ``x`` in training, if it does."""
    x, y = np.asarray(x), np.asarray(y)
    if y.shape == x.shape and np.array_equal(x, y):
        return f"{name} returns its input unchanged in training: the layer does nothing yet, so none of its checks count."
    if y.size and np.all(y == y.flat[0]):
        return (f"{name} returns a constant ({fmt(float(y.flat[0]) + 0.0)}) in training: the layer does nothing yet, "
                "so none of its checks count.")
    return None
