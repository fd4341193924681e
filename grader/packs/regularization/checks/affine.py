"""Checks of the affine part (gamma and beta) the normalization layers share."""

from __future__ import annotations

import numpy as np

from grader.checks import CheckSet, Fail, Mistake
from grader.checks.compare import assert_close, close
from grader.probes.tensors import call_text


# BEGIN HIDDEN
SWAPPED = Mistake("gamma is made and applied when center is True and beta when scale is True: the two flags are "
                  "swapped. scale controls gamma (the multiplier) and center controls beta (the offset).",
                  cause="center-scale-swapped")


def add_affine_checks(checks: CheckSet) -> None:
    exercise = checks.exercise

    @checks.add("a new layer starts with gamma = 1 and beta = 0", 1, "affine")
    def fresh(obs: dict, ref: dict) -> None:
        for name, start in (("gamma", "ones"), ("beta", "zeros")):
            got, want = obs["affine"]["initial"][name], ref["affine"]["initial"][name]
            if got is None:
                raise Fail(f"A new {exercise}() has no weight `self.{name}` after build(): create it with "
                           f"self.add_weight(..., initializer={start!r}).")
            if not close(got, want, rtol=0.0):
                value = np.asarray(got).ravel()[:1]
                raise Fail(f"A new {exercise}() starts with {name} = {value[0] if value.size else got!r} (first element); "
                           f"Keras starts it at {1 if start == 'ones' else 0}: create it with initializer={start!r}.")

    @checks.add("center=False / scale=False leave out beta / gamma", 1, "affine")
    def flags(obs: dict, ref: dict) -> None:
        """Judged against the student's own normalization (read from their center=True, scale=True output), so
        a mistake in the statistics does not cost this check too; the reference's output also passes."""
        gamma, beta = ref["affine"]["gamma"].astype(np.float64), ref["affine"]["beta"].astype(np.float64)
        full = np.asarray(obs["affine"]["cases"][0]["y"], dtype=np.float64)
        own = (full - beta) / gamma if full.shape == np.shape(ref["affine"]["cases"][0]["y"]) else None
        for got, want in zip(obs["affine"]["cases"][1:], ref["affine"]["cases"][1:]):
            kwargs = want["kwargs"]
            center, scale = kwargs.get("center", True), kwargs.get("scale", True)
            if own is not None and close(got["y"], own * (gamma if scale else 1.0) + (beta if center else 0.0)):
                continue
            y = np.asarray(want["y"], dtype=np.float64)
            plain = (y - (beta if center else 0.0)) / (gamma if scale else 1.0)
            mistakes = []
            if not center:
                mistakes.append(("beta is still added with center=False: make and add beta only when center is True.",
                                 plain * (gamma if scale else 1.0) + beta))
            if not scale:
                mistakes.append(("gamma is still applied with scale=False: make and apply gamma only when scale is True.",
                                 plain * gamma + (beta if center else 0.0)))
            if center != scale:
                mistakes.append((SWAPPED, plain * (gamma if center else 1.0) + (beta if scale else 0.0)))
            if not center and not scale:
                mistakes.append(("gamma and beta are still used with center=False and scale=False: use each only when "
                                 "its flag is True.", plain * gamma + beta))
            assert_close(got["y"], y, f"The output of {call_text(exercise, kwargs)} in training (random values put into any gamma or beta it made)",
                         mistakes)
# END HIDDEN
