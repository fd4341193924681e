"""Checks of the Keras layer contract, shared by every layer exercise of any pack (see probes/contract.py)."""

from __future__ import annotations

from typing import Any

import numpy as np

from grader.checks import CheckSet, Fail
from grader.checks.compare import assert_close
from grader.probes.contract import FEATURES
from grader.probes.tensors import call_text
# BEGIN HIDDEN
from grader.probes.contract import BASE_KWARGS
# END HIDDEN

_LAYOUT_KEYS = {"axis"}  # stored in several equivalent forms (-1, 1, [1]); presence is what matters


def _same(got, want) -> bool:
    if isinstance(want, bool) or want is None or isinstance(want, str):
        return got == want
    if isinstance(want, (int, float)):
        return isinstance(got, (int, float)) and not isinstance(got, bool) and bool(np.isclose(got, want, rtol=1e-6))
    if isinstance(want, list):
        return isinstance(got, list) and len(got) == len(want) and all(_same(g, w) for g, w in zip(got, want))
    return got == want


def add_contract_checks(checks: CheckSet, kwargs: dict[str, Any], invalid: list[dict[str, Any]] = ()) -> None:
    """The same ``kwargs`` and ``invalid`` as the exercise's add_contract_probes."""
    # BEGIN HIDDEN
    add_mixed_precision_check(checks)
    # END HIDDEN
    exercise = checks.exercise
    call = call_text(exercise, kwargs)

    @checks.add("get_config / from_config round trip", 1, "config", public=True)
    def config(obs: dict, ref: dict) -> None:
        data = obs["config"]
        for source, label in ((data["config"], "get_config()"), (data["clone_config"], "from_config(get_config()).get_config()")):
            missing = [k for k in kwargs if k not in source]
            if missing:
                raise Fail(f"{label} of {call} misses {missing}: return every constructor argument, "
                           "merged with super().get_config().")
            for key, value in kwargs.items():
                want = list(value) if isinstance(value, tuple) else value
                if key not in _LAYOUT_KEYS and not _same(source[key], want):
                    raise Fail(f"{label}[{key!r}] is {source[key]!r} for {call}; expected {want!r}.")
        assert_close(data["clone_y"], data["y"], f"The output of the layer rebuilt with from_config (inference, {call})")

    # BEGIN HIDDEN
    @checks.add("symbolic call with a None batch dimension", 1, "symbolic")
    def symbolic(obs: dict, ref: dict) -> None:
        got = obs["symbolic"]["output_shape"]
        if got != [None, FEATURES]:
            raise Fail(f"Called on keras.Input(({FEATURES},)) the layer gave shape {tuple(got)}; expected (None, {FEATURES}). "
                       "Use dynamic shapes (keras.ops.shape) where the batch size is unknown.")

    @checks.add("compute_output_shape", 1, "output_shape")
    def output_shape(obs: dict, ref: dict) -> None:
        got = obs["output_shape"]["computed_shape"]
        if got != [None, FEATURES]:
            raise Fail(f"compute_output_shape((None, {FEATURES})) returned {tuple(got)}; expected (None, {FEATURES}).")

    @checks.add("name and dtype reach the base Layer (super().__init__(**kwargs))", 1, "base_kwargs")
    def base_kwargs(obs: dict, ref: dict) -> None:
        got = obs["base_kwargs"]
        if got["name"] != BASE_KWARGS["name"] or got["dtype"] != BASE_KWARGS["dtype"]:
            raise Fail(f"{exercise}(..., name={BASE_KWARGS['name']!r}, dtype={BASE_KWARGS['dtype']!r}) has name "
                       f"{got['name']!r} and dtype {got['dtype']!r}: pass **kwargs on with super().__init__(**kwargs), "
                       "so that Keras's own arguments (name, dtype, trainable) reach the base Layer.")

    # Advice: the skeletons ask for it, but Keras itself checks few of these, and correct layers may not.
    @checks.add("invalid arguments raise ValueError", 0, "validation", advice=True)
    def validation(obs: dict, ref: dict) -> None:
        for case, got, want in zip(invalid, obs["validation"]["raised"], ref["validation"]["raised"]):
            if want != "ValueError" or got == want:
                continue
            bad_call = call_text(exercise, case)
            if got is None:
                raise Fail(f"{bad_call} was accepted: check the arguments in __init__ and raise ValueError for invalid "
                           "values, as the TODO in __init__ asks.")
            raise Fail(f"{bad_call} raised {got}; raise ValueError for invalid arguments, as the TODO in __init__ asks.")

    @checks.add("works with an unknown batch size inside tf.function", 1, "unknown_batch")
    def unknown_batch(obs: dict, ref: dict) -> None:
        y = np.asarray(obs["unknown_batch"]["y"])
        if y.shape != (5, FEATURES):
            raise Fail(f"Inside tf.function with an unknown batch size, a batch of shape (5, {FEATURES}) gave shape "
                       f"{y.shape}; expected (5, {FEATURES}).")

    @checks.add("trains inside model.fit", 1, "model")
    def fit(obs: dict, ref: dict) -> None:
        losses = obs["model"]["losses"]
        if not np.all(np.isfinite(losses)):
            raise Fail(f"A training step (train_on_batch, as model.fit runs it) with the layer gave losses {np.round(losses, 4).tolist()}: NaN or infinite.")

    @checks.add(".keras save and load", 1, "model")
    def save_load(obs: dict, ref: dict) -> None:
        data = obs["model"]
        if data["reloaded_class"] != exercise:
            raise Fail(f"After keras.models.load_model the layer is a {data['reloaded_class']}, not your {exercise}.")
        assert_close(data["reloaded"], data["predicted"], "Predictions of the model after saving to .keras and loading back")
    # END HIDDEN


# BEGIN HIDDEN
def add_mixed_precision_check(checks: CheckSet) -> None:
    @checks.add("works under the mixed_float16 dtype policy", 0, "mixed_precision", advice=True)
    def mixed_precision(obs: dict, ref: dict) -> None:
        data = obs["mixed_precision"]
        if data["dtype"] != "float16" or not np.all(np.isfinite(data["y"])):
            raise Fail(f"With dtype='mixed_float16' and float16 inputs the output is {data['dtype']}"
                       f"{'' if np.all(np.isfinite(data['y'])) else ' with NaN or infinite values'}; Keras layers "
                       "compute in self.compute_dtype (float16 here) and keep their weights in float32: cast weights "
                       "to the input's dtype before combining them.")
# END HIDDEN
