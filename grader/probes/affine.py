"""Probes of the affine part (gamma and beta) the normalization layers share."""

from __future__ import annotations

import numpy as np

from grader.probes import ProbeContext, ProbeSet
from grader.probes.tensors import call_text, to_numpy

# BEGIN HIDDEN
FLAG_SHAPE = (8, 5)
FLAG_CASES = [{}, {"center": False}, {"scale": False}, {"center": False, "scale": False}]


def add_affine_probe(probes: ProbeSet) -> None:
    exercise = probes.exercise

    @probes.add("affine")
    def affine(ctx: ProbeContext) -> dict:
        """A fresh layer as built (gamma 1, beta 0), then center/scale switched off with random gamma and beta
        put into whatever weights the layer made: only the ones it should use may change the output."""
        x = ctx.rng.normal(0.5, 2.0, FLAG_SHAPE).astype(np.float32)
        gamma = ctx.rng.uniform(0.5, 1.5, FLAG_SHAPE[-1]).astype(np.float32)
        beta = ctx.rng.normal(0, 0.5, FLAG_SHAPE[-1]).astype(np.float32)
        cases = []
        for kwargs in FLAG_CASES:
            layer = ctx.cls(**kwargs)
            layer.build(FLAG_SHAPE)
            if kwargs:
                for name, value in (("gamma", gamma), ("beta", beta)):
                    variable = getattr(layer, name, None)
                    if variable is not None and hasattr(variable, "assign"):
                        variable.assign(value)
            y = layer(ctx.tf.constant(x), training=True)
            cases.append({"kwargs": kwargs, "y": to_numpy(y, f"{call_text(exercise, kwargs)}.call")})
        return {"x": x, "gamma": gamma, "beta": beta, "cases": cases}
# END HIDDEN
