"""The second assignment: its reference agrees with the Keras twins, and the FGSM fixture keeps every input
gradient away from 0 (full marks and skeletons: tests/test_packs.py)."""

from __future__ import annotations

import importlib.util
import warnings
from pathlib import Path

import numpy as np
import pytest
import tensorflow as tf

import keras
from grader import packs

PACK = packs.get("regularized_training")


def _module(name: str):
    spec = importlib.util.spec_from_file_location(f"reference_{name}", PACK.solutions / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def reference():
    return {name: _module(name) for name in ("callbacks", "augmentation", "losses", "sparsity", "adversarial")}


def _drive(callback, values, key="val_loss"):
    """A scripted run: the model's one weight is the epoch, so the restored weight says which epoch it was."""
    model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1, use_bias=False)])
    callback.set_model(model)
    model.stop_training = False
    callback.on_train_begin()
    ran = 0
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for epoch, value in enumerate(values):
            model.set_weights([np.array([[float(epoch)]], np.float32)])
            callback.on_epoch_end(epoch, {key: value})
            ran = epoch + 1
            if model.stop_training:
                break
        callback.on_train_end()
    best = None if callback.best is None else round(float(callback.best), 6)
    return ran, callback.stopped_epoch, best, callback.best_epoch, callback.wait, float(model.get_weights()[0][0, 0]), bool(caught)


SCRIPTS = [
    ({"patience": 2}, [1.0, 0.9, 0.95, 0.91, 0.92, 0.93]),
    ({"patience": 0}, [1.0, 1.0, 1.0]),
    ({"patience": 9, "restore_best_weights": True}, [1.0, 0.5, 0.7, 0.8]),
    ({"patience": 1, "restore_best_weights": True}, [1.0, 0.5, 0.6, 0.7, 0.8]),
    ({"baseline": 0.5, "patience": 2}, [0.9, 0.8, 0.7, 0.6, 0.55, 0.52]),
    ({"baseline": 0.5, "patience": 2}, [0.9, 0.9, 0.9, 0.9]),
    ({"min_delta": 0.05, "patience": 1}, [1.0, 0.97, 0.9, 0.88, 0.87]),
    ({"min_delta": -0.05, "patience": 1}, [1.0, 0.97, 0.9, 0.88, 0.87]),
    ({"mode": "max", "patience": 1}, [0.5, 0.6, 0.6, 0.55, 0.7]),
    ({"start_from_epoch": 2, "patience": 1}, [0.1, 0.2, 0.9, 0.95, 1.0]),
    ({"patience": 1}, [1.0, float("nan"), 0.9, 0.95]),
]


@pytest.mark.parametrize("kwargs, values", SCRIPTS)
def test_early_stopping_agrees_with_keras(reference, kwargs, values):
    mine, twin = reference["callbacks"].EarlyStopping(**kwargs), keras.callbacks.EarlyStopping(**kwargs)
    assert _drive(mine, values) == _drive(twin, values)


def test_early_stopping_warns_and_never_stops_without_its_key(reference):
    assert _drive(reference["callbacks"].EarlyStopping(), [1.0, 2.0, 3.0], key="loss") == (3, 0, None, 0, 0, 2.0, True)


@pytest.mark.parametrize("name, kwargs", [("MixUp", {"alpha": 0.4}), ("CutMix", {"factor": 0.8}),
                                          ("RandomErasing", {"factor": (0.2, 0.9), "scale": (0.05, 0.3)}),
                                          ("RandomErasing", {"fill_value": 30.0})])
def test_mixing_layers_draw_as_keras_does_with_the_same_seed(reference, name, kwargs):
    """The reference draws in Keras's order, so the same seed gives the same batches, call after call."""
    rng = np.random.default_rng(0)
    data = {"images": rng.uniform(0, 255, (6, 8, 7, 3)).astype(np.float32),
            "labels": np.eye(4, dtype=np.float32)[rng.integers(0, 4, 6)]}
    mine, twin = getattr(reference["augmentation"], name)(seed=5, **kwargs), getattr(keras.layers, name)(seed=5, **kwargs)
    for _ in range(3):
        got, want = mine(dict(data)), twin(dict(data))
        np.testing.assert_allclose(got["images"], want["images"], rtol=1e-6, atol=1e-4)
        np.testing.assert_allclose(got["labels"], want["labels"], rtol=1e-6, atol=1e-6)
    np.testing.assert_array_equal(mine(data["images"], training=False), data["images"])


@pytest.mark.parametrize("from_logits", [False, True])
@pytest.mark.parametrize("label_smoothing", [0.0, 0.1, 0.3])
def test_label_smoothing_agrees_with_keras(reference, from_logits, label_smoothing):
    rng = np.random.default_rng(1)
    y = np.eye(5, dtype=np.float32)[rng.integers(0, 5, 7)]
    z = rng.normal(0, 2, (7, 5)).astype(np.float32)
    p = z if from_logits else (np.exp(z) / np.exp(z).sum(axis=1, keepdims=True) * 1.7).astype(np.float32)
    kwargs = {"from_logits": from_logits, "label_smoothing": label_smoothing, "reduction": None}
    mine = reference["losses"].CategoricalCrossentropy(**kwargs)(y, p)
    np.testing.assert_allclose(mine, keras.losses.CategoricalCrossentropy(**kwargs)(y, p), rtol=1e-5)


@pytest.mark.parametrize("batch", [8, 2, 1])
def test_activity_penalty_agrees_with_keras(reference, batch):
    x = np.random.default_rng(batch).normal(0, 1, (batch, 3, 4)).astype(np.float32)
    mine, twin = reference["sparsity"].ActivityRegularization(0.01, 0.03), keras.layers.ActivityRegularization(0.01, 0.03)
    np.testing.assert_array_equal(mine(x), x)
    twin(x)
    mine(x)
    np.testing.assert_allclose(np.asarray(mine.losses), np.asarray(twin.losses), rtol=1e-6)


def test_fgsm_fixture_keeps_input_gradients_away_from_zero():
    """The probes' networks and inputs: the smallest |d loss / d x| stays far above float32 noise, so a
    different order of operations cannot flip a sign of the adversarial step."""
    from grader.packs.regularized_training.probes import adversarial as probe
    from grader.probes import ProbeContext
    from grader.probes.grid import config_rng

    ctx = ProbeContext(cls=object, module=None, rng=np.random.default_rng(0), tf=tf, keras=keras, scratch=Path("."))
    smallest = []
    for case in probe.SPACE.configurations():
        values, labels = probe.SPACE.values(case), probe.SPACE.labels(case)
        rng = config_rng(labels)
        net = probe.network(ctx, rng, dropout=values["network"] == "dropout")
        x, y = probe.data(rng)
        smallest.append(np.abs(probe.input_gradient(ctx, net, x, y, probe.loss_function(ctx, values["loss"]))).min())
    assert min(smallest) > 1e-5, smallest

