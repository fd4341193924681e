"""Comparisons whose failures read as feedback: expected, observed, worst element, likely mistake."""

from __future__ import annotations

from typing import Iterable

import numpy as np

from grader.checks import Fail
from grader.settings import ATOL_FRACTION, RTOL, Z_BOUND

# A candidate mistake "matches" when the observation is this close to what the mistake would give.
MISTAKE_RTOL = 2e-3


def tolerance(want: np.ndarray) -> tuple[float, float]:
    """(rtol, atol) for comparing with ``want``: see settings.RTOL and settings.ATOL_FRACTION."""
    scale = float(np.max(np.abs(want))) if want.size else 1.0
    return RTOL, ATOL_FRACTION * max(1.0, scale)


def fmt(value: float) -> str:
    return f"{value:.6g}"


def index_text(index: tuple[int, ...]) -> str:
    return "(" + ", ".join(str(int(i)) for i in index) + ")" if index else "()"


def close(got: np.ndarray, want: np.ndarray, rtol: float | None = None) -> bool:
    if got is None or np.shape(got) != np.shape(want):
        return False
    got = np.asarray(got, dtype=np.float64)
    want = np.asarray(want, dtype=np.float64)
    base_rtol, atol = tolerance(want)
    rtol = base_rtol if rtol is None else rtol
    if not np.all(np.isfinite(got)):
        return False
    return bool(np.all(np.abs(got - want) <= atol + rtol * np.abs(want)))


def likely_mistake(got, mistakes: Iterable[tuple[str, np.ndarray]], want: np.ndarray | None = None) -> str | None:
    """The mistake whose prediction the observation matches best (and the right answer does not).

    Best, not first: close mistakes (no epsilon, PyTorch's epsilon) can both match within the tolerance.
    """
    found, nearest = None, np.inf
    for text, predicted in mistakes:
        if predicted is None:
            continue
        if want is not None and close(predicted, want, MISTAKE_RTOL):
            continue
        if close(got, predicted, MISTAKE_RTOL):
            got_array, predicted_array = np.asarray(got, dtype=np.float64), np.asarray(predicted, dtype=np.float64)
            distance = float(np.max(np.abs(got_array - predicted_array) / (np.abs(predicted_array) + 1e-12), initial=0.0))
            if distance < nearest:
                found, nearest = text, distance
    return found


def assert_close(got, want, what: str, mistakes: Iterable[tuple[str, np.ndarray]] = ()) -> None:
    """Fail with expected/observed/worst element when ``got`` is not ``want`` within tolerance."""
    want = np.asarray(want, dtype=np.float64)
    if got is None:
        raise Fail(f"{what}: no gradient flows (got None). Is a step done outside TensorFlow "
                   "(numpy, .numpy(), float()) or behind tf.stop_gradient?")
    got_array = np.asarray(got, dtype=np.float64)
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
    rtol, atol = tolerance(want)
    excess = np.abs(got_array - want) - (atol + rtol * np.abs(want))
    if (excess > 0).any():
        index = np.unravel_index(int(np.argmax(excess)), want.shape) if want.ndim else ()
        diff = abs(got_array[index] - want[index])
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
