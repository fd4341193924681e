"""Checks of the affine part (gamma and beta) the normalization layers share."""

from __future__ import annotations

import numpy as np

from grader.checks import CheckSet
from grader.checks.compare import assert_close
from grader.probes.tensors import call_text


# BEGIN HIDDEN
def add_affine_checks(checks: CheckSet) -> None:
    exercise = checks.exercise

    @checks.add("a new layer starts with gamma = 1 and beta = 0", 1, "affine")
    def fresh(obs: dict, ref: dict) -> None:
        got, want = obs["affine"]["cases"][0]["y"], ref["affine"]["cases"][0]["y"]
        want = np.asarray(want, dtype=np.float64)
        assert_close(got, want, f"The output of a new {exercise}() in training, with gamma and beta as build() made them", [
            ("It is all beta: gamma starts at 0. Create gamma with initializer='ones'.", np.zeros_like(want)),
            ("It is shifted by 1: beta starts at 1. Create beta with initializer='zeros'.", want + 1.0),
        ])

    @checks.add("center=False / scale=False leave out beta / gamma", 1, "affine")
    def flags(obs: dict, ref: dict) -> None:
        gamma, beta = ref["affine"]["gamma"].astype(np.float64), ref["affine"]["beta"].astype(np.float64)
        for got, want in zip(obs["affine"]["cases"][1:], ref["affine"]["cases"][1:]):
            kwargs, y = want["kwargs"], np.asarray(want["y"], dtype=np.float64)
            center, scale = kwargs.get("center", True), kwargs.get("scale", True)
            plain = y - (beta if center else 0.0)
            plain = plain / (gamma if scale else 1.0)
            mistakes = []
            if not center:
                mistakes.append(("beta is still added with center=False: make and add beta only when center is True.",
                                 plain * (gamma if scale else 1.0) + beta))
            if not scale:
                mistakes.append(("gamma is still applied with scale=False: make and apply gamma only when scale is True.",
                                 plain * gamma + (beta if center else 0.0)))
            if not center and not scale:
                mistakes.append(("gamma and beta are still used with center=False and scale=False: use each only when "
                                 "its flag is True.", plain * gamma + beta))
            assert_close(got["y"], y, f"The output of {call_text(exercise, kwargs)} in training (random values put into any gamma or beta it made)",
                         mistakes)
# END HIDDEN
