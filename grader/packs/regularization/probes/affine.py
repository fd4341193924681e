"""Probes of the affine part (gamma and beta) the normalization layers share."""

from __future__ import annotations

import numpy as np

from grader.probes import ProbeContext, ProbeSet
from grader.packs.regularization.probes.normalization import inject
from grader.probes.tensors import call_text, to_numpy

# BEGIN HIDDEN
FLAG_SHAPE = (8, 5)
FLAG_CASES = [{}, {"center": False}, {"scale": False}, {"center": False, "scale": False}]


def add_affine_probe(probes: ProbeSet) -> None:
    exercise = probes.exercise

    @probes.add("affine")
    def affine(ctx: ProbeContext) -> dict:
        """gamma and beta of a fresh layer, read from its weights; then each center/scale combination with
        random gamma and beta put into whatever weights the layer made: only the ones it should use may
        change the output."""
        x = ctx.rng.normal(0.5, 2.0, FLAG_SHAPE).astype(np.float32)
        gamma = ctx.rng.uniform(0.5, 1.5, FLAG_SHAPE[-1]).astype(np.float32)
        beta = ctx.rng.normal(0, 0.5, FLAG_SHAPE[-1]).astype(np.float32)
        fresh = ctx.cls()
        fresh.build(FLAG_SHAPE)
        initial = {name: (to_numpy(getattr(fresh, name), f"{exercise}.{name}")
                          if hasattr(getattr(fresh, name, None), "assign") else None) for name in ("gamma", "beta")}
        cases = []
        for kwargs in FLAG_CASES:
            layer = ctx.cls(**kwargs)
            layer.build(FLAG_SHAPE)
            inject(layer, gamma, beta)
            y = layer(ctx.tf.constant(x), training=True)
            cases.append({"kwargs": kwargs, "y": to_numpy(y, f"{call_text(exercise, kwargs)}.call")})
        return {"x": x, "gamma": gamma, "beta": beta, "initial": initial, "cases": cases}
# END HIDDEN
