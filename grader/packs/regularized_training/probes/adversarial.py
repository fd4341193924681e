"""Probes of fgsm_examples and AdversarialModel.

The networks are tiny, with weights drawn by the probe, and inputs in [0.2, 0.8], where no input gradient
is near 0: the sign of every gradient element is stable under a different order of operations, so the
adversarial examples can be compared exactly. What the formula gives is computed here by the probe itself
(plain TensorFlow, not the student's code), so the checks can compare and name mistakes without TensorFlow.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from grader.probes import ProbeContext, ProbeFailure, ProbeSet, register
from grader.probes.grid import Space, add_grid_probe, attempt, factor
from grader.probes.tensors import to_numpy

EXERCISE = "AdversarialModel"
BATCH, FEATURES, CLASSES = 8, 4, 3
probes = register(ProbeSet(EXERCISE))

SPACE = Space((
    factor("epsilon", ("epsilon=0.1", 0.1), ("epsilon=0.03", 0.03), ("epsilon=0.3", 0.3)),
    factor("clip", ("clip=(0.0, 1.0)", (0.0, 1.0)), ("clip=None", None), ("clip=(0.3, 0.7)", (0.3, 0.7))),
    factor("loss", ("cross-entropy on logits", "crossentropy"), ("mean squared error", "mse")),
    factor("network", ("a plain network", "plain"), ("a network with Dropout", "dropout")),
))


def network(ctx: ProbeContext, rng: np.random.Generator, dropout: bool = False, penalty: bool = False) -> Any:
    keras = ctx.keras
    layers = [keras.Input((FEATURES,)), keras.layers.Dense(6, activation="tanh")]
    if dropout:
        layers.append(keras.layers.Dropout(0.5, seed=3))
    if penalty:  # a loss of the network's own, which each forward pass replaces
        layers.append(_penalty_layer(keras))
    layers.append(keras.layers.Dense(CLASSES))
    net = keras.Sequential(layers)
    net.set_weights([rng.normal(0.0, 0.8, w.shape).astype(np.float32) for w in net.get_weights()])
    return net


def _penalty_layer(keras: Any) -> Any:
    """An activity penalty written here: the Keras built-ins that students re-implement are wrapped by the
    delegation tripwire while the probes run."""
    ops = keras.ops

    class Penalty(keras.layers.Layer):
        def call(self, inputs):
            batch = ops.cast(ops.shape(inputs)[0], inputs.dtype)
            self.add_loss((0.05 * ops.sum(ops.abs(inputs)) + 0.05 * ops.sum(ops.square(inputs))) / batch)
            return inputs

    return Penalty()


def data(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    x = rng.uniform(0.2, 0.8, (BATCH, FEATURES)).astype(np.float32)
    y = np.eye(CLASSES, dtype=np.float32)[rng.integers(0, CLASSES, BATCH)]
    return x, y


def loss_function(ctx: ProbeContext, name: str) -> Any:
    keras = ctx.keras
    return keras.losses.CategoricalCrossentropy(from_logits=True) if name == "crossentropy" else keras.losses.MeanSquaredError()


def input_gradient(ctx: ProbeContext, net: Any, x: np.ndarray, y: np.ndarray, loss: Any) -> np.ndarray:
    """d loss(y, net(x, training=False)) / dx, by the probe itself."""
    t = ctx.tf.constant(x)
    with ctx.tf.GradientTape() as tape:
        tape.watch(t)
        value = loss(ctx.tf.constant(y), net(t, training=False))
    return tape.gradient(value, t).numpy()


def fgsm(ctx: ProbeContext) -> Any:
    function = getattr(ctx.module, "fgsm_examples", None)
    if not callable(function):
        raise ProbeFailure("adversarial.py defines no function fgsm_examples")
    return function


def _examples(ctx: ProbeContext, values: dict[str, Any], rng: np.random.Generator) -> dict:
    net = network(ctx, rng, dropout=values["network"] == "dropout")
    x, y = data(rng)
    loss = loss_function(ctx, values["loss"])

    def crafted() -> dict:
        t = ctx.tf.constant(x)
        with ctx.tf.GradientTape() as tape:
            tape.watch(t)
            x_adv = fgsm(ctx)(net, t, ctx.tf.constant(y), values["epsilon"], loss, clip=values["clip"])
            total = ctx.tf.reduce_sum(ctx.tf.cast(x_adv, ctx.tf.float32))
        back = tape.gradient(total, t)
        return {"x_adv": to_numpy(x_adv, "fgsm_examples"),
                "flows_back": bool(back is not None and np.any(back.numpy() != 0))}

    return {"x": x, "g": input_gradient(ctx, net, x, y, loss), "fgsm": attempt(ctx, crafted)}


add_grid_probe(probes, "examples", SPACE, _examples)


def _step_case(ctx: ProbeContext, epsilon: float, alpha: float, eagerly: bool, metrics: bool = False,
               penalty: bool = False) -> dict:
    """One full-batch training step of the student's AdversarialModel, and what the formula gives from the
    same weights with the x_adv of the student's own fgsm_examples (so a wrong FGSM costs its own checks only)."""
    tf, keras = ctx.tf, ctx.keras
    rng = np.random.default_rng(11)
    inner = network(ctx, rng, penalty=penalty)
    x, y = data(rng)
    start = [w.copy() for w in inner.get_weights()]
    loss = keras.losses.CategoricalCrossentropy(from_logits=True)
    out: dict[str, Any] = {}
    def compiled(y_true, y_pred):  # what compute_loss gives: the loss plus the network's own losses of the pass
        return loss(y_true, y_pred) + tf.add_n(inner.losses) if inner.losses else loss(y_true, y_pred)

    try:
        x_adv = fgsm(ctx)(inner, tf.constant(x), tf.constant(y), epsilon, compiled, clip=(0.0, 1.0))
        out["x_adv_source"] = "student"
    except Exception:  # noqa: BLE001 - the FGSM checks report it; the step is judged with the formula's x_adv
        g = input_gradient(ctx, inner, x, y, compiled)
        x_adv = np.clip(x + epsilon * np.sign(g), 0.0, 1.0).astype(np.float32)
        out["x_adv_source"] = "formula"
    x_adv = np.asarray(x_adv, dtype=np.float32)
    out["expected"], out["variants"], out["expected_loss"] = _formula(ctx, start, x, y, x_adv, alpha, loss, penalty)

    def stepped() -> dict:
        inner.set_weights(start)
        model = ctx.cls(inner, epsilon=epsilon, alpha=alpha)
        model.compile(optimizer=keras.optimizers.SGD(0.1), loss=loss, metrics=["accuracy"] if metrics else None,
                      run_eagerly=eagerly)
        history = model.fit(x, y, batch_size=BATCH, epochs=1, shuffle=False, verbose=0)
        logs = {k: float(v[0]) for k, v in history.history.items()}
        return {"weights": [to_numpy(w, "a weight after the step") for w in inner.get_weights()], "logs": logs}

    out["step"] = attempt(ctx, stepped)
    return out


def _formula(ctx: ProbeContext, start: list, x, y, x_adv, alpha: float, loss, penalty: bool) -> tuple:
    """The weights after one SGD(0.1) step on alpha*L(x) + (1-alpha)*L(x_adv), and under common mistakes.
    L is the compiled loss plus the network's own losses of that forward pass."""
    tf = ctx.tf
    net = network(ctx, np.random.default_rng(0), penalty=penalty)

    def compiled(inputs, own_losses_of=None):
        value = loss(tf.constant(y), net(tf.constant(inputs), training=True))
        if own_losses_of is not None:  # a mistake: the own losses of another pass
            net(tf.constant(own_losses_of), training=True)
        return value + tf.add_n(net.losses) if net.losses else value

    def after(weights_clean: float, weights_adv: float, mixed_up: bool = False) -> tuple[list[np.ndarray], float]:
        net.set_weights(start)
        with tf.GradientTape() as tape:
            clean = compiled(x, own_losses_of=x_adv if mixed_up else None)
            adversarial = compiled(x_adv)
            total = weights_clean * clean + weights_adv * adversarial
        grads = tape.gradient(total, net.trainable_weights)
        return [(w - 0.1 * g).numpy() for w, g in zip(net.trainable_weights, grads)], float(total)

    expected, expected_loss = after(alpha, 1.0 - alpha)
    variants = {
        "swapped": after(1.0 - alpha, alpha)[0],
        "clean_only": after(1.0, 0.0)[0],
        "adversarial_only": after(0.0, 1.0)[0],
        "unweighted_sum": after(1.0, 1.0)[0],
        "alpha_on_both": after(alpha, alpha)[0],
    }
    if penalty:
        variants["own_losses_of_adversarial_pass"] = after(alpha, 1.0 - alpha, mixed_up=True)[0]
    return expected, variants, expected_loss


# BEGIN HIDDEN
@probes.add("step")
def step(ctx: ProbeContext) -> dict:
    return {"cases": [{"label": f"epsilon={eps}, alpha={alpha}{'' if eagerly else ', inside model.fit traced'}"
                                f"{', a network with an activity penalty' if penalty else ''}",
                       **_step_case(ctx, eps, alpha, eagerly, metrics, penalty)}
                      for eps, alpha, eagerly, metrics, penalty in (
                          (0.1, 0.5, True, False, False), (0.2, 0.3, True, True, True), (0.1, 1.0, True, False, False),
                          (0.15, 0.7, False, True, False))]}


@probes.add("call")
def call(ctx: ProbeContext) -> dict:
    """Calling the model runs the inner network unchanged, in inference and in training."""
    rng = np.random.default_rng(5)
    inner = network(ctx, rng)
    x, _ = data(rng)
    model = ctx.cls(inner, epsilon=0.1, alpha=0.5)
    return {"inner": to_numpy(inner(ctx.tf.constant(x), training=False), "the inner network"),
            "called": to_numpy(model(ctx.tf.constant(x)), "AdversarialModel(...)(x)"),
            "predicted": to_numpy(model.predict(x, verbose=0), "AdversarialModel.predict")}
# END HIDDEN
