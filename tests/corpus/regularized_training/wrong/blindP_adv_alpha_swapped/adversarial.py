"""Adversarial examples (FGSM) and adversarial training."""

import keras
import tensorflow as tf


def fgsm_examples(model, x, y, epsilon, loss_fn, clip=(0.0, 1.0)):
    """The fast gradient sign method (Goodfellow et al., 2015).

    Moves every input value by `epsilon` in the direction that increases the
    loss the most to first order:

        x_adv = clip(x + epsilon * sign(d loss_fn(y, model(x)) / d x), low, high)

    The model is called with `training=False` (Dropout and BatchNormalization
    in inference mode, so the result is reproducible), the gradient is taken
    w.r.t. the INPUT `x`, with the true labels `y`. Where the gradient is
    exactly 0 the value does not move (sign(0) = 0). `clip=None` skips the
    clipping.

    Args:
        model: a Keras model (or any callable taking `training=`).
        x: inputs, a tensor or array of floats.
        y: the true labels, as `loss_fn` expects them.
        epsilon: float >= 0, the step size.
        loss_fn: a loss, called as `loss_fn(y, predictions)`.
        clip: (low, high) or None.

    Returns:
        A tensor of the shape and dtype of `x` (as a float tensor), with no
        gradient path back to `x`.
    """
    x = tf.convert_to_tensor(x)
    if not x.dtype.is_floating:
        x = tf.cast(x, keras.config.floatx())
    with tf.GradientTape() as tape:
        tape.watch(x)
        loss = loss_fn(y, model(x, training=False))
    grad = tape.gradient(loss, x)
    x_adv = x + epsilon * tf.sign(grad)
    if clip is not None:
        x_adv = tf.clip_by_value(x_adv, clip[0], clip[1])
    return tf.stop_gradient(x_adv)


class AdversarialModel(keras.Model):
    """A model trained on a mix of clean and adversarial examples.

    Wraps any Keras model (`inner`) and overrides `train_step` so that each
    batch minimizes

        loss = alpha * L(y, f(x)) + (1 - alpha) * L(y, f(x_adv))

    where `x_adv = fgsm_examples(inner, x, y, epsilon, L, clip)` is computed
    first and held CONSTANT (no gradient flows through it), and L is the
    compiled loss (`self.compute_loss`, which also adds the model's own
    losses such as activity penalties). Both terms use `training=True`.
    The step then applies the gradient of that loss w.r.t. the trainable
    weights with the compiled optimizer and updates `self.metrics`: the
    "loss" tracker with the mixed loss, the others with the clean
    predictions. It returns {name: result} for every metric.

    Calling the model (`model(x)`, `predict`, `evaluate`) runs `inner`
    unchanged.

    Args:
        inner: the network, a Keras model.
        epsilon: float, FGSM's step.
        alpha: float in [0, 1], the weight of the clean loss.
        clip: (low, high) or None, as in `fgsm_examples`.
        **kwargs: base model arguments such as `name`.

    Example:

    >>> model = AdversarialModel(network, epsilon=0.1, alpha=0.5)
    >>> model.compile(optimizer="adam", loss=keras.losses.CategoricalCrossentropy(), metrics=["accuracy"])
    >>> model.fit(x, y, epochs=5)
    """

    def __init__(self, inner, epsilon=0.1, alpha=0.5, clip=(0.0, 1.0), **kwargs):
        super().__init__(**kwargs)
        self.inner = inner
        self.epsilon = epsilon
        self.alpha = alpha
        self.clip = clip

    def call(self, inputs, training=False):
        return self.inner(inputs, training=training)

    def _compiled_loss(self, y_true, y_pred):
        """The compiled loss of one batch, for FGSM's gradient."""
        return self.compute_loss(y=y_true, y_pred=y_pred)

    def train_step(self, data):
        x, y, sample_weight = keras.utils.unpack_x_y_sample_weight(data)
        x_adv = fgsm_examples(self.inner, x, y, self.epsilon, self._compiled_loss, self.clip)
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            clean_loss = self.compute_loss(x=x, y=y, y_pred=y_pred, sample_weight=sample_weight)
            y_pred_adv = self(x_adv, training=True)
            adv_loss = self.compute_loss(x=x_adv, y=y, y_pred=y_pred_adv, sample_weight=sample_weight)
            loss = (1.0 - self.alpha) * clean_loss + self.alpha * adv_loss
        grads = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.trainable_weights))
        for metric in self.metrics:
            if metric.name == "loss":
                metric.update_state(loss)
            else:
                metric.update_state(y, y_pred, sample_weight=sample_weight)
        return self.get_metrics_result()

    def get_config(self):
        return {**super().get_config(), "inner": keras.saving.serialize_keras_object(self.inner),
                "epsilon": self.epsilon, "alpha": self.alpha, "clip": self.clip}

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        config["inner"] = keras.saving.deserialize_keras_object(config["inner"])
        return cls(**config)
