"""What the two normalization layers share in their declared space: dtypes, data regimes, gamma and beta."""

from __future__ import annotations

from typing import Any

import numpy as np

from grader.probes.grid import factor

# How the data of one configuration is drawn; "feature" is the axis (or axes) the layer keeps apart.
DATA = factor(
    "data",
    ("N(0.5, 1.5²)", "normal"),
    ("std 0.05", "narrow"),  # magnifies epsilon mistakes
    ("mean 1000", "offset"),  # the one-pass variance E[x²] - E[x]² cancels here in float32
    ("one constant slice", "constant"),  # variance 0: only epsilon keeps the division finite
)


def draw(rng: np.random.Generator, shape: tuple[int, ...], regime: str, dtype: str, constant_index=None) -> np.ndarray:
    if regime == "narrow":
        x = rng.normal(0.5, 0.05, shape)
    elif regime == "offset":
        x = 1000.0 + rng.normal(0.0, 1.0, shape)
    else:
        x = rng.normal(0.5, 1.5, shape)
    if regime == "constant" and constant_index is not None:
        x[constant_index] = 3.7
    return x.astype(dtype)


def inject(layer: Any, gamma: np.ndarray, beta: np.ndarray) -> list[str]:
    """Random values into whatever gamma and beta the layer made, so a weight it should not use shows;
    returns the names of the weights that took them."""
    held = []
    for name, value in (("gamma", gamma), ("beta", beta)):
        variable = getattr(layer, name, None)
        if variable is not None and hasattr(variable, "assign") and tuple(variable.shape) == value.shape:
            variable.assign(value.astype(str(getattr(variable.dtype, "name", variable.dtype))))
            held.append(name)
    return held
