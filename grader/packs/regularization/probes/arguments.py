"""The layers' constructor arguments for the engine's contract probes and checks (grader/probes/contract.py)."""

from __future__ import annotations

from typing import Any

from grader.probes.contract import FEATURES

# Non-default values, so a config that drops one shows.
CONTRACT_KWARGS: dict[str, dict[str, Any]] = {
    "GaussianNoise": {"stddev": 0.2, "seed": 7},
    "Dropout": {"rate": 0.25, "noise_shape": (None, FEATURES), "seed": 7},
    "BatchNormalization": {"axis": -1, "momentum": 0.8, "epsilon": 0.01, "center": True, "scale": True},
    "LayerNormalization": {"axis": -1, "epsilon": 0.01, "center": True, "scale": True},
}
# What the skeletons say must raise ValueError; empty in the student bundle, whose validation probe is hidden.
INVALID_KWARGS: dict[str, list[dict[str, Any]]] = {}
# BEGIN HIDDEN
INVALID_KWARGS = {
    "GaussianNoise": [{"stddev": -0.5}],
    "Dropout": [{"rate": 1.5}, {"rate": -0.1}],
    "BatchNormalization": [{"momentum": 1.5}, {"epsilon": -1.0}],
    "LayerNormalization": [{"epsilon": -1.0}],
}
# END HIDDEN


def contract_arguments(exercise: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(constructor arguments, invalid argument sets) of ``exercise`` for add_contract_probes/checks."""
    return CONTRACT_KWARGS[exercise], INVALID_KWARGS.get(exercise, [])
