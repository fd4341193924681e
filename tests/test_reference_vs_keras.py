"""The reference solutions in solutions/regularization/ against Keras's built-ins.

Deterministic layers (BatchNormalization, LayerNormalization) and the
regularizers are compared value by value with `keras.layers.*` /
`keras.regularizers.*`. Random layers (Dropout, GaussianNoise) are compared
by statistics and exact identities only, never by exact masks; each of those
tests runs the same function on our layer and on Keras's.
"""

import importlib.util
import math
import pathlib

import numpy as np
import pytest
import tensorflow as tf

import keras

tf.get_logger().setLevel("ERROR")

# Keras 3.15's model.save calls np.array(variable), which NumPy 2 reports as a
# DeprecationWarning from keras/src/backend/tensorflow/core.py: not ours.
pytestmark = pytest.mark.filterwarnings(
    "ignore:__array__ implementation doesn't accept a copy keyword"
    ":DeprecationWarning"
)

SOLUTIONS_DIR = (
    pathlib.Path(__file__).resolve().parents[1] / "solutions" / "regularization"
)

# Deterministic comparisons: assert_allclose(actual, ref, rtol=RTOL,
# atol=ATOL_FACTOR * max(1, max|ref|)). DESIGN.md ("Facts for checks"):
# float32 vs float64 truth of correct code on O(1) data differs by <= 2e-6
# (outputs, dx) and <= 1e-4 relative (dgamma/dbeta, N=4096); these bounds
# passed every correct variant and failed the planted bugs.
RTOL = 1e-4
ATOL_FACTOR = 1e-5

# Statistical checks: |estimate - expected| <= Z_BOUND * standard error.
# P(|N(0, 1)| > 5) ~= 5.7e-7, the false-fail rate per check; with fixed seeds
# each test is also deterministic.
Z_BOUND = 5.0

# Keras's Dropout multiplies by float32(1 / (1 - rate)) instead of dividing
# by (1 - rate): kept values then differ from x / (1 - rate) by about one
# float32 ulp. Four ulps of relative tolerance accept both ways.
KEPT_RTOL = 4 * float(np.finfo(np.float32).eps)

DROP_RATE = 0.3  # not 0.5: 0.5 cannot tell the drop rate from the keep rate
N_SAMPLES = 10_000


def _load(stem):
    """Imports solutions/regularization/<stem>.py as module `ref_<stem>`."""
    path = SOLUTIONS_DIR / f"{stem}.py"
    spec = importlib.util.spec_from_file_location(f"ref_{stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ref_regularizers = _load("regularizers")
ref_noise = _load("noise")
ref_dropout = _load("dropout")
ref_batchnorm = _load("batchnorm")
ref_layernorm = _load("layernorm")

REF_CLASSES = {
    "L1": ref_regularizers.L1,
    "L2": ref_regularizers.L2,
    "L1L2": ref_regularizers.L1L2,
    "GaussianNoise": ref_noise.GaussianNoise,
    "Dropout": ref_dropout.Dropout,
    "BatchNormalization": ref_batchnorm.BatchNormalization,
    "LayerNormalization": ref_layernorm.LayerNormalization,
}
CUSTOM_OBJECTS = {
    f"regularization>{name}": cls for name, cls in REF_CLASSES.items()
}


def _np(value):
    """A numpy array from a tensor, a Keras variable or an array."""
    return value.numpy() if hasattr(value, "numpy") else np.asarray(value)


def assert_close(actual, expected):
    """assert_allclose with the kit's tolerance (RTOL, ATOL_FACTOR)."""
    expected = _np(expected)
    atol = ATOL_FACTOR * max(1.0, float(np.max(np.abs(expected))))
    np.testing.assert_allclose(_np(actual), expected, RTOL, atol)


def _rng(seed=0):
    return np.random.default_rng(seed)


# ---------------------------------------------------------------------------
# Regularizers
# ---------------------------------------------------------------------------

REGULARIZER_CASES = [
    ("L1", {"l1": 0.0}),
    ("L1", {"l1": 0.01}),
    ("L1", {"l1": 0.5}),
    ("L1", {}),
    ("L2", {"l2": 0.0}),
    ("L2", {"l2": 0.01}),
    ("L2", {"l2": 0.5}),
    ("L2", {}),
    ("L1L2", {"l1": 0.0, "l2": 0.0}),
    ("L1L2", {"l1": 0.01, "l2": 0.02}),
    ("L1L2", {"l1": 0.3, "l2": 0.0}),
    ("L1L2", {"l1": 0.0, "l2": 0.7}),
    ("L1L2", {}),
]
REGULARIZER_IDS = [f"{name}-{kw}" for name, kw in REGULARIZER_CASES]


def _regularizer_pair(name, kwargs):
    ref = REF_CLASSES[name](**kwargs)
    ours_is_distinct = type(ref) is not getattr(keras.regularizers, name)
    assert ours_is_distinct
    return ref, getattr(keras.regularizers, name)(**kwargs)


def _weights_with_zeros_and_negatives(dtype="float32"):
    w = _rng(1).normal(size=(6, 5)).astype(dtype)
    w[0, :] = 0.0
    w[:, 2] = 0.0
    w[3, 3] = -2.5
    return w


def _penalty_and_grad(regularizer, w):
    variable = tf.Variable(w)
    with tf.GradientTape() as tape:
        penalty = regularizer(variable)
    return penalty, tape.gradient(penalty, variable)


@pytest.mark.parametrize("name,kwargs", REGULARIZER_CASES, ids=REGULARIZER_IDS)
def test_regularizer_value_and_gradient_match_keras(name, kwargs):
    ref, expected = _regularizer_pair(name, kwargs)
    w = _weights_with_zeros_and_negatives()
    ours_value, ours_grad = _penalty_and_grad(ref, w)
    keras_value, keras_grad = _penalty_and_grad(expected, w)
    assert_close(ours_value, keras_value)
    if keras_grad is None:  # all coefficients 0: Keras adds no term at all
        keras_grad = np.zeros_like(w)
    assert ours_grad is not None
    assert_close(ours_grad, keras_grad)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("name", ["L1", "L2", "L1L2"])
def test_regularizer_returns_0d_tensor_of_weight_dtype(name, dtype):
    penalty = REF_CLASSES[name]()(tf.constant(
        _weights_with_zeros_and_negatives(dtype)
    ))
    assert tf.is_tensor(penalty)
    assert tuple(penalty.shape) == ()
    assert penalty.dtype == tf.as_dtype(dtype)


@pytest.mark.parametrize(
    "name,kwargs",
    [("L1", {"l1": 0.1}), ("L2", {"l2": 0.1}),
     ("L1L2", {"l1": 0.1, "l2": 0.1})],
)
def test_regularizer_gradient_is_finite_at_zero(name, kwargs):
    ref, expected = _regularizer_pair(name, kwargs)
    zeros = np.zeros((3, 4), "float32")
    _, ours_grad = _penalty_and_grad(ref, zeros)
    _, keras_grad = _penalty_and_grad(expected, zeros)
    assert np.all(np.isfinite(ours_grad))
    assert_close(ours_grad, keras_grad)


@pytest.mark.parametrize("name,kwargs", REGULARIZER_CASES, ids=REGULARIZER_IDS)
def test_regularizer_config_round_trip(name, kwargs):
    ref, expected = _regularizer_pair(name, kwargs)
    config = ref.get_config()
    assert config == {key: float(value) for key, value in kwargs.items()} | {
        key: config[key] for key in config if key not in kwargs
    }
    # Keras's L1 stores l1 as a float32 tensor, so its get_config gives
    # 0.009999999776482582 for l1=0.01: compare with Keras to float32 precision.
    keras_config = expected.get_config()
    assert config.keys() == keras_config.keys()
    for key, value in config.items():
        assert math.isclose(value, keras_config[key], rel_tol=1e-6)
    assert all(type(value) is float for value in config.values())
    rebuilt = type(ref).from_config(config)
    assert rebuilt.get_config() == config
    assert type(ref)(**config).get_config() == config


@pytest.mark.parametrize("bad", [-1, -0.5, "0.1", float("nan"),
                                 float("inf"), [0.1]])
@pytest.mark.parametrize("name,arg", [("L1", "l1"), ("L2", "l2"),
                                      ("L1L2", "l1"), ("L1L2", "l2")])
def test_regularizer_rejects_invalid_coefficient(name, arg, bad):
    with pytest.raises(ValueError, match=f"Received: {arg}="):
        REF_CLASSES[name](**{arg: bad})
    with pytest.raises(ValueError):  # Keras agrees that this is invalid
        getattr(keras.regularizers, name)(**{arg: bad})


@pytest.mark.parametrize("name,arg", [("L1", "l1"), ("L2", "l2"),
                                      ("L1L2", "l1"), ("L1L2", "l2")])
def test_regularizer_none_means_default_like_keras(name, arg):
    ref, expected = _regularizer_pair(name, {arg: None})
    assert ref.get_config() == REF_CLASSES[name]().get_config()
    for key, value in ref.get_config().items():
        assert math.isclose(value, expected.get_config()[key], rel_tol=1e-6)


def test_regularizer_error_message_has_three_parts():
    with pytest.raises(ValueError) as info:
        ref_regularizers.L1(l1=-1)
    assert str(info.value) == (
        "Invalid value for argument l1: expected a non-negative float. "
        "Received: l1=-1"
    )


# ---------------------------------------------------------------------------
# BatchNormalization and LayerNormalization vs Keras
# ---------------------------------------------------------------------------

BN_CASES = [
    ((8, 5), -1),
    ((8, 5), 1),
    ((6, 4, 3), -1),
    ((6, 4, 3), 1),
    ((4, 3, 5, 2), -1),
    ((4, 3, 5, 2), 1),
    ((4, 3, 5, 2), 2),
]
LN_CASES = [
    ((6, 5), -1),
    ((6, 5), 1),
    ((4, 3, 5), -1),
    ((4, 3, 5), 1),
    ((4, 3, 5), [1, 2]),
    ((4, 3, 5), [-2, -1]),
    ((3, 4, 5, 2), -1),
    ((3, 4, 5, 2), [1, 2]),
    ((3, 4, 5, 2), [-2, -1]),
]


def _case_id(case):
    shape, axis = case
    return f"shape{shape}-axis{axis}"


def _copy_random_weights(ours, theirs, seed):
    """Sets the same random gamma != 1, beta != 0 (and moving stats) in both."""
    rng = _rng(seed)
    for variable in ours.weights:
        name = variable.name
        if name == "gamma":
            value = rng.uniform(0.5, 1.5, variable.shape)
        elif name == "beta":
            value = rng.normal(size=variable.shape)
        elif name == "moving_mean":
            value = rng.normal(scale=0.3, size=variable.shape)
        elif name == "moving_variance":
            value = rng.uniform(0.5, 2.0, variable.shape)
        else:
            raise AssertionError(f"unexpected weight {name!r}")
        value = value.astype(variable.dtype)
        variable.assign(value)
        [twin] = [w for w in theirs.weights if w.name == name]
        twin.assign(value)


def _make_pair(ours_cls, keras_cls, shape, seed=0, **kwargs):
    ours, theirs = ours_cls(**kwargs), keras_cls(**kwargs)
    ours.build(shape)
    theirs.build(shape)
    _copy_random_weights(ours, theirs, seed)
    return ours, theirs


def _output_and_grads(layer, x, upstream, **call_kwargs):
    """Output and d(output . upstream) / d[x, gamma, beta]."""
    x = tf.constant(x)
    params = [layer.gamma, layer.beta]
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = layer(x, **call_kwargs)
    grads = tape.gradient(y, [x] + params, output_gradients=upstream)
    return y, grads


def _compare_with_keras(ours, theirs, x, **call_kwargs):
    upstream = _rng(7).normal(size=x.shape).astype("float32")
    y_ours, g_ours = _output_and_grads(ours, x, upstream, **call_kwargs)
    y_keras, g_keras = _output_and_grads(theirs, x, upstream, **call_kwargs)
    assert_close(y_ours, y_keras)
    for name, got, want in zip(["x", "gamma", "beta"], g_ours, g_keras):
        assert got is not None, f"no gradient for {name}"
        assert_close(got, want)


@pytest.mark.parametrize("training", [True, False])
@pytest.mark.parametrize("case", BN_CASES, ids=_case_id)
def test_batchnorm_output_and_gradients_match_keras(case, training):
    shape, axis = case
    ours, theirs = _make_pair(
        ref_batchnorm.BatchNormalization,
        keras.layers.BatchNormalization,
        shape,
        axis=axis,
        momentum=0.9,
    )
    x = _rng(3).normal(1.0, 2.0, size=shape).astype("float32")
    _compare_with_keras(ours, theirs, x, training=training)


def test_batchnorm_small_batch_and_small_spread_match_keras():
    # N=8 separates biased from unbiased variance; std 0.05 data makes
    # epsilon matter (variance 0.0025 next to epsilon 0.001).
    ours, theirs = _make_pair(
        ref_batchnorm.BatchNormalization, keras.layers.BatchNormalization,
        (8, 3),
    )
    x = _rng(4).normal(0.0, 0.05, size=(8, 3)).astype("float32")
    _compare_with_keras(ours, theirs, x, training=True)
    assert_close(ours.moving_variance, theirs.moving_variance)


@pytest.mark.parametrize("steps", [1, 5])
@pytest.mark.parametrize("case", [((8, 5), -1), ((4, 3, 5, 2), 1)],
                         ids=_case_id)
def test_batchnorm_moving_statistics_match_keras(case, steps):
    shape, axis = case
    ours, theirs = _make_pair(
        ref_batchnorm.BatchNormalization,
        keras.layers.BatchNormalization,
        shape,
        axis=axis,
        momentum=0.9,
    )
    rng = _rng(5)
    for _ in range(steps):
        x = rng.normal(2.0, 3.0, size=shape).astype("float32")
        ours(x, training=True)
        theirs(x, training=True)
    assert_close(ours.moving_mean, theirs.moving_mean)
    assert_close(ours.moving_variance, theirs.moving_variance)
    # Inference now uses those statistics.
    x = rng.normal(2.0, 3.0, size=shape).astype("float32")
    _compare_with_keras(ours, theirs, x, training=False)


def test_batchnorm_training_none_means_inference_without_update():
    layer, _ = _make_pair(
        ref_batchnorm.BatchNormalization, keras.layers.BatchNormalization,
        (8, 5),
    )
    before = [_np(layer.moving_mean), _np(layer.moving_variance)]
    x = _rng(6).normal(size=(8, 5)).astype("float32")
    y_omitted = layer(x)
    y_none = layer(x, training=None)
    y_false = layer(x, training=False)
    np.testing.assert_array_equal(y_omitted, y_false)
    np.testing.assert_array_equal(y_none, y_false)
    np.testing.assert_array_equal(_np(layer.moving_mean), before[0])
    np.testing.assert_array_equal(_np(layer.moving_variance), before[1])


def test_batchnorm_frozen_layer_uses_moving_statistics_like_keras():
    ours, theirs = _make_pair(
        ref_batchnorm.BatchNormalization, keras.layers.BatchNormalization,
        (8, 5),
    )
    ours.trainable = False
    theirs.trainable = False
    before = _np(ours.moving_mean)
    x = _rng(8).normal(size=(8, 5)).astype("float32")
    assert_close(ours(x, training=True), theirs(x, training=True))
    np.testing.assert_array_equal(_np(ours.moving_mean), before)


def test_batchnorm_weights_names_shapes_and_trainability():
    layer = ref_batchnorm.BatchNormalization(axis=1)
    layer.build((None, 3, 4, 5))
    assert sorted(w.name for w in layer.trainable_weights) == ["beta", "gamma"]
    assert sorted(w.name for w in layer.non_trainable_weights) == [
        "moving_mean", "moving_variance"
    ]
    for w in layer.weights:
        assert tuple(w.shape) == (3,)
    np.testing.assert_array_equal(_np(layer.gamma), np.ones(3))
    np.testing.assert_array_equal(_np(layer.beta), np.zeros(3))
    np.testing.assert_array_equal(_np(layer.moving_mean), np.zeros(3))
    np.testing.assert_array_equal(_np(layer.moving_variance), np.ones(3))


@pytest.mark.parametrize("center,scale", [(False, True), (True, False),
                                          (False, False)])
def test_batchnorm_center_scale_false_match_keras(center, scale):
    ours = ref_batchnorm.BatchNormalization(center=center, scale=scale)
    theirs = keras.layers.BatchNormalization(center=center, scale=scale)
    ours.build((8, 4))
    theirs.build((8, 4))
    assert sorted(w.name for w in ours.weights) == sorted(
        w.name for w in theirs.weights
    )
    assert (ours.beta is None) == (not center)
    assert (ours.gamma is None) == (not scale)
    x = _rng(9).normal(1.0, 2.0, size=(8, 4)).astype("float32")
    for training in (True, False):
        assert_close(ours(x, training=training), theirs(x, training=training))


@pytest.mark.parametrize("training", [True, False])
@pytest.mark.parametrize("case", LN_CASES, ids=_case_id)
def test_layernorm_output_and_gradients_match_keras(case, training):
    shape, axis = case
    ours, theirs = _make_pair(
        ref_layernorm.LayerNormalization,
        keras.layers.LayerNormalization,
        shape,
        axis=axis,
    )
    x = _rng(10).normal(1.0, 2.0, size=shape).astype("float32")
    _compare_with_keras(ours, theirs, x, training=training)


@pytest.mark.parametrize("case", LN_CASES, ids=_case_id)
def test_layernorm_axis_and_weight_shape(case):
    shape, axis = case
    layer = ref_layernorm.LayerNormalization(axis=axis)
    layer.build(shape)
    axes = [axis] if isinstance(axis, int) else axis
    expected_axes = sorted(a % len(shape) for a in axes)
    assert layer.axis == expected_axes
    expected_shape = tuple(shape[a] for a in expected_axes)
    assert tuple(layer.gamma.shape) == expected_shape
    assert tuple(layer.beta.shape) == expected_shape
    assert sorted(w.name for w in layer.trainable_weights) == ["beta", "gamma"]


def test_layernorm_same_in_training_and_inference():
    layer, _ = _make_pair(
        ref_layernorm.LayerNormalization, keras.layers.LayerNormalization,
        (4, 3, 5), axis=[1, 2],
    )
    x = _rng(11).normal(size=(4, 3, 5)).astype("float32")
    y = layer(x)
    np.testing.assert_array_equal(layer(x, training=True), y)
    np.testing.assert_array_equal(layer(x, training=False), y)


def test_layernorm_is_batch_independent():
    layer, _ = _make_pair(
        ref_layernorm.LayerNormalization, keras.layers.LayerNormalization,
        (5, 6),
    )
    x = _rng(12).normal(size=(5, 6)).astype("float32")
    y = np.asarray(layer(x))
    for i in range(len(x)):
        assert_close(layer(x[i:i + 1]), y[i:i + 1])


@pytest.mark.parametrize("center,scale", [(False, True), (True, False)])
def test_layernorm_center_scale_false_match_keras(center, scale):
    ours = ref_layernorm.LayerNormalization(center=center, scale=scale)
    theirs = keras.layers.LayerNormalization(center=center, scale=scale)
    x = _rng(13).normal(1.0, 2.0, size=(4, 6)).astype("float32")
    assert_close(ours(x), theirs(x))
    assert sorted(w.name for w in ours.weights) == sorted(
        w.name for w in theirs.weights
    )


# ---------------------------------------------------------------------------
# Dropout and GaussianNoise: the same statistical checks on ours and Keras's
# ---------------------------------------------------------------------------

DROPOUT_CLASSES = {
    "reference": ref_dropout.Dropout,
    "keras": keras.layers.Dropout,
}
NOISE_CLASSES = {
    "reference": ref_noise.GaussianNoise,
    "keras": keras.layers.GaussianNoise,
}
IMPLEMENTATIONS = ["reference", "keras"]


def _positive_inputs(shape, seed=20):
    """Inputs that are never 0, so a 0 in the output means 'dropped'."""
    return _rng(seed).uniform(0.5, 1.5, size=shape).astype("float32")


@pytest.mark.parametrize("impl", IMPLEMENTATIONS)
def test_dropout_is_identity_in_inference(impl):
    layer = DROPOUT_CLASSES[impl](DROP_RATE, seed=1)
    x = _positive_inputs((10, 20))
    np.testing.assert_array_equal(layer(x), x)
    np.testing.assert_array_equal(layer(x, training=False), x)


@pytest.mark.parametrize("impl", IMPLEMENTATIONS)
def test_dropout_drops_rate_fraction_and_scales_kept_values(impl):
    layer = DROPOUT_CLASSES[impl](DROP_RATE, seed=2)
    x = _positive_inputs((100, N_SAMPLES // 100))
    y = np.asarray(layer(x, training=True))
    dropped = y == 0
    bound = Z_BOUND * math.sqrt(DROP_RATE * (1 - DROP_RATE) / N_SAMPLES)
    assert abs(dropped.mean() - DROP_RATE) <= bound
    kept = ~dropped
    np.testing.assert_allclose(
        y[kept], x[kept] / (1 - DROP_RATE), rtol=KEPT_RTOL, atol=0
    )


def test_reference_dropout_kept_values_are_exactly_x_over_keep_probability():
    layer = ref_dropout.Dropout(DROP_RATE, seed=3)
    x = _positive_inputs((50, 40))
    y = np.asarray(layer(x, training=True))
    kept = y != 0
    np.testing.assert_array_equal(y[kept], x[kept] / (1 - DROP_RATE))


@pytest.mark.parametrize("impl", IMPLEMENTATIONS)
def test_dropout_rate_zero_is_identity(impl):
    layer = DROPOUT_CLASSES[impl](0.0, seed=4)
    x = _positive_inputs((10, 20))
    np.testing.assert_array_equal(layer(x, training=True), x)


@pytest.mark.parametrize("impl", IMPLEMENTATIONS)
def test_dropout_rate_one_gives_zeros_and_zero_gradient(impl):
    layer = DROPOUT_CLASSES[impl](1.0, seed=5)
    x = tf.constant(_positive_inputs((10, 20)))
    upstream = _rng(21).normal(size=(10, 20)).astype("float32")
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = layer(x, training=True)
    grad = tape.gradient(
        y, x, output_gradients=upstream,
        # Keras returns tf.zeros_like(x): not connected to x, so None.
        unconnected_gradients=tf.UnconnectedGradients.ZERO,
    )
    np.testing.assert_array_equal(y, np.zeros((10, 20)))
    assert np.all(np.isfinite(grad))
    np.testing.assert_array_equal(grad, np.zeros((10, 20)))


def test_reference_dropout_rate_one_gradient_is_connected():
    layer = ref_dropout.Dropout(1.0)
    x = tf.constant(_positive_inputs((4, 5)))
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = layer(x, training=True)
    grad = tape.gradient(y, x)
    assert grad is not None
    np.testing.assert_array_equal(grad, np.zeros((4, 5)))


@pytest.mark.parametrize("impl", IMPLEMENTATIONS)
def test_dropout_noise_shape_broadcasts_mask(impl):
    layer = DROPOUT_CLASSES[impl](DROP_RATE, noise_shape=(None, 1), seed=6)
    x = _positive_inputs((400, 8))
    dropped = np.asarray(layer(x, training=True)) == 0
    # One decision per row: each row is all dropped or all kept.
    assert np.all(dropped == dropped[:, :1])
    bound = Z_BOUND * math.sqrt(DROP_RATE * (1 - DROP_RATE) / 400)
    assert abs(dropped[:, 0].mean() - DROP_RATE) <= bound


@pytest.mark.parametrize("impl", IMPLEMENTATIONS)
def test_dropout_noise_shape_with_unknown_batch_in_tf_function(impl):
    layer = DROPOUT_CLASSES[impl](DROP_RATE, noise_shape=(None, 1, 3), seed=7)
    fn = tf.function(
        lambda t: layer(t, training=True),
        input_signature=[tf.TensorSpec((None, 5, 3), tf.float32)],
    )
    dropped = np.asarray(fn(_positive_inputs((60, 5, 3)))) == 0
    assert np.all(dropped == dropped[:, :1, :])


@pytest.mark.parametrize("impl", IMPLEMENTATIONS)
def test_dropout_gradient_is_mask_times_scale(impl):
    layer = DROPOUT_CLASSES[impl](DROP_RATE, seed=8)
    x = tf.constant(_positive_inputs((30, 40)))
    upstream = _rng(22).normal(size=(30, 40)).astype("float32")
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = layer(x, training=True)
    grad = tape.gradient(y, x, output_gradients=upstream)
    kept = np.asarray(y) != 0
    np.testing.assert_allclose(
        grad, upstream * kept / (1 - DROP_RATE), rtol=KEPT_RTOL, atol=0
    )


@pytest.mark.parametrize("in_tf_function", [False, True],
                         ids=["eager", "tf_function"])
@pytest.mark.parametrize("impl", IMPLEMENTATIONS)
def test_dropout_masks_differ_between_calls(impl, in_tf_function):
    layer = DROPOUT_CLASSES[impl](DROP_RATE, seed=9)
    call = lambda t: layer(t, training=True)  # noqa: E731
    if in_tf_function:
        call = tf.function(call)
    x = _positive_inputs((20, 30))
    first = np.asarray(call(x)) == 0
    second = np.asarray(call(x)) == 0
    assert not np.array_equal(first, second)


@pytest.mark.parametrize("impl", IMPLEMENTATIONS)
def test_dropout_fixed_seed_reproduces_sequence(impl):
    x = _positive_inputs((20, 30))
    sequences = []
    for _ in range(2):
        layer = DROPOUT_CLASSES[impl](DROP_RATE, seed=1234)
        sequences.append([np.asarray(layer(x, training=True))
                          for _ in range(3)])
    for a, b in zip(*sequences):
        np.testing.assert_array_equal(a, b)
    assert not np.array_equal(sequences[0][0], sequences[0][1])


@pytest.mark.parametrize(
    "kwargs",
    [{"rate": -0.1}, {"rate": 1.5}, {"rate": "0.3"}, {"rate": float("nan")},
     {"rate": 0.3, "noise_shape": (None, 0)},
     {"rate": 0.3, "noise_shape": "abc"},
     {"rate": 0.3, "seed": 1.5}],
)
def test_dropout_rejects_invalid_arguments(kwargs):
    with pytest.raises(ValueError, match="Received: "):
        ref_dropout.Dropout(**kwargs)


NOISE_STDDEVS = [0.1, 0.5, 1.0]  # Keras's GaussianNoise rejects stddev > 1


def _noise_of(layer, x):
    return np.asarray(layer(x, training=True), dtype="float64") - x


def _assert_noise_statistics(noise, stddev):
    n = noise.size
    mean_bound = Z_BOUND * stddev / math.sqrt(n)
    std_bound = Z_BOUND * stddev / math.sqrt(2 * n)
    assert abs(noise.mean()) <= mean_bound, noise.mean()
    assert abs(noise.std() - stddev) <= std_bound, noise.std()


@pytest.mark.parametrize("impl", IMPLEMENTATIONS)
def test_gaussian_noise_is_identity_in_inference(impl):
    layer = NOISE_CLASSES[impl](0.5, seed=1)
    x = _rng(30).normal(size=(10, 20)).astype("float32")
    np.testing.assert_array_equal(layer(x), x)
    np.testing.assert_array_equal(layer(x, training=False), x)


@pytest.mark.parametrize("stddev", NOISE_STDDEVS)
@pytest.mark.parametrize("impl", IMPLEMENTATIONS)
def test_gaussian_noise_mean_and_std(impl, stddev):
    layer = NOISE_CLASSES[impl](stddev, seed=2)
    x = np.zeros((100, N_SAMPLES // 100), "float32")
    _assert_noise_statistics(_noise_of(layer, x), stddev)


@pytest.mark.parametrize("impl", IMPLEMENTATIONS)
def test_gaussian_noise_does_not_depend_on_input_scale(impl):
    stddev = 0.5
    layer = NOISE_CLASSES[impl](stddev, seed=3)
    x = _rng(31).normal(size=(100, N_SAMPLES // 100)).astype("float32")
    for factor in (1.0, 100.0):
        _assert_noise_statistics(_noise_of(layer, x * factor), stddev)


@pytest.mark.parametrize("impl", IMPLEMENTATIONS)
def test_gaussian_noise_gradient_is_upstream(impl):
    layer = NOISE_CLASSES[impl](0.5, seed=4)
    x = tf.constant(_rng(32).normal(size=(10, 20)).astype("float32"))
    upstream = _rng(33).normal(size=(10, 20)).astype("float32")
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = layer(x, training=True)
    np.testing.assert_array_equal(
        tape.gradient(y, x, output_gradients=upstream), upstream
    )


@pytest.mark.parametrize("in_tf_function", [False, True],
                         ids=["eager", "tf_function"])
@pytest.mark.parametrize("impl", IMPLEMENTATIONS)
def test_gaussian_noise_differs_between_calls(impl, in_tf_function):
    layer = NOISE_CLASSES[impl](0.5, seed=5)
    call = lambda t: layer(t, training=True)  # noqa: E731
    if in_tf_function:
        call = tf.function(call)
    x = np.zeros((10, 20), "float32")
    assert not np.array_equal(call(x), call(x))


@pytest.mark.parametrize("impl", IMPLEMENTATIONS)
def test_gaussian_noise_fixed_seed_reproduces_sequence(impl):
    x = np.zeros((10, 20), "float32")
    sequences = []
    for _ in range(2):
        layer = NOISE_CLASSES[impl](0.5, seed=1234)
        sequences.append([np.asarray(layer(x, training=True))
                          for _ in range(3)])
    for a, b in zip(*sequences):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize(
    "kwargs",
    [{"stddev": -0.1}, {"stddev": "0.1"}, {"stddev": float("inf")},
     {"stddev": True}, {"stddev": 0.1, "seed": "1"}],
)
def test_gaussian_noise_rejects_invalid_arguments(kwargs):
    with pytest.raises(ValueError, match="Received: "):
        ref_noise.GaussianNoise(**kwargs)


@pytest.mark.parametrize(
    "cls,kwargs",
    [(ref_batchnorm.BatchNormalization, {"axis": 1.0}),
     (ref_batchnorm.BatchNormalization, {"axis": [1]}),
     (ref_batchnorm.BatchNormalization, {"momentum": 1.5}),
     (ref_batchnorm.BatchNormalization, {"epsilon": 0}),
     (ref_batchnorm.BatchNormalization, {"center": "yes"}),
     (ref_layernorm.LayerNormalization, {"axis": "last"}),
     (ref_layernorm.LayerNormalization, {"axis": []}),
     (ref_layernorm.LayerNormalization, {"axis": [1, 2.0]}),
     (ref_layernorm.LayerNormalization, {"epsilon": -1e-3}),
     (ref_layernorm.LayerNormalization, {"scale": 1})],
    ids=lambda v: v.__name__ if isinstance(v, type) else str(v),
)
def test_normalization_rejects_invalid_arguments(cls, kwargs):
    with pytest.raises(ValueError, match="Invalid value for argument .*"
                                         "expected .*Received: "):
        cls(**kwargs)


# ---------------------------------------------------------------------------
# Every layer: config, symbolic inputs, shapes, saving, fit
# ---------------------------------------------------------------------------

LAYER_CASES = [
    ("Dropout", {"rate": DROP_RATE, "seed": 1}, (6,)),
    ("Dropout", {"rate": DROP_RATE, "noise_shape": (None, 1, 4), "seed": 1},
     (3, 4)),
    ("GaussianNoise", {"stddev": 0.1, "seed": 1}, (6,)),
    ("BatchNormalization", {"momentum": 0.9}, (6,)),
    ("BatchNormalization", {"axis": 1, "center": False}, (3, 4)),
    ("LayerNormalization", {}, (6,)),
    ("LayerNormalization", {"axis": [1, 2], "scale": False}, (3, 4)),
]
LAYER_IDS = [f"{name}-{kw}" for name, kw, _ in LAYER_CASES]


@pytest.mark.parametrize("name,kwargs,shape", LAYER_CASES, ids=LAYER_IDS)
def test_layer_config_round_trip(name, kwargs, shape):
    layer = REF_CLASSES[name](**kwargs)
    config = layer.get_config()
    for key, value in kwargs.items():
        assert config[key] == value
    assert REF_CLASSES[name].from_config(config).get_config() == config
    layer(keras.Input(shape))  # built: config still round trips
    config = layer.get_config()
    assert REF_CLASSES[name].from_config(config).get_config() == config


@pytest.mark.parametrize("name,kwargs,shape", LAYER_CASES, ids=LAYER_IDS)
def test_layer_symbolic_input_and_output_shape(name, kwargs, shape):
    layer = REF_CLASSES[name](**kwargs)
    output = layer(keras.Input(shape))
    assert tuple(output.shape) == (None,) + shape
    assert tuple(layer.compute_output_shape((None,) + shape)) == (
        (None,) + shape
    )


def _tiny_model(layer, shape):
    inputs = keras.Input(shape)
    hidden = keras.layers.Flatten()(layer(inputs))
    outputs = keras.layers.Dense(1)(hidden)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="sgd", loss="mse")
    return model


def _tiny_data(shape, seed=40):
    rng = _rng(seed)
    x = rng.normal(size=(16,) + shape).astype("float32")
    y = rng.normal(size=(16, 1)).astype("float32")
    return x, y


@pytest.mark.parametrize("name,kwargs,shape", LAYER_CASES, ids=LAYER_IDS)
def test_layer_model_trains_with_fit(name, kwargs, shape):
    layer = REF_CLASSES[name](**kwargs)
    model = _tiny_model(layer, shape)
    x, y = _tiny_data(shape)
    history = model.fit(x, y, batch_size=8, epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][0])
    if name == "BatchNormalization":  # fit runs the layer in training mode
        assert not np.allclose(_np(layer.moving_mean), 0.0)


@pytest.mark.parametrize("name,kwargs,shape", LAYER_CASES, ids=LAYER_IDS)
def test_layer_model_save_and_load(name, kwargs, shape, tmp_path):
    layer = REF_CLASSES[name](**kwargs)
    model = _tiny_model(layer, shape)
    x, y = _tiny_data(shape)
    model.train_on_batch(x, y)  # e.g. moves BN's statistics away from 0/1
    path = tmp_path / "model.keras"
    model.save(path)
    loaded = keras.models.load_model(path, custom_objects=CUSTOM_OBJECTS)
    [loaded_layer] = [
        lay for lay in loaded.layers if type(lay) is REF_CLASSES[name]
    ]
    assert loaded_layer.get_config() == layer.get_config()
    np.testing.assert_allclose(
        loaded.predict(x, verbose=0), model.predict(x, verbose=0),
        rtol=1e-6, atol=1e-6,
    )


def test_regularizers_in_a_model_match_keras_fit_and_save(tmp_path):
    kernel = _rng(41).normal(size=(6, 3)).astype("float32")
    regularizers = [ref_regularizers.L1(0.01), ref_regularizers.L2(0.02),
                    ref_regularizers.L1L2(0.01, 0.02)]
    expected = [keras.regularizers.L1(0.01), keras.regularizers.L2(0.02),
                keras.regularizers.L1L2(0.01, 0.02)]
    for ours, theirs in zip(regularizers, expected):
        inputs = keras.Input((6,))
        dense = keras.layers.Dense(3, kernel_regularizer=ours)
        model = keras.Model(inputs, dense(inputs))
        dense.kernel.assign(kernel)
        assert_close(model.losses[0], theirs(kernel))
        model.compile(optimizer="sgd", loss="mse")
        x, y = _rng(42).normal(size=(16, 6)), _rng(43).normal(size=(16, 3))
        history = model.fit(x, y, batch_size=8, epochs=1, verbose=0)
        assert np.isfinite(history.history["loss"][0])
        path = tmp_path / f"{type(ours).__name__}.keras"
        model.save(path)
        loaded = keras.models.load_model(path, custom_objects=CUSTOM_OBJECTS)
        loaded_reg = loaded.layers[-1].kernel_regularizer
        assert type(loaded_reg) is type(ours)
        assert loaded_reg.get_config() == ours.get_config()
