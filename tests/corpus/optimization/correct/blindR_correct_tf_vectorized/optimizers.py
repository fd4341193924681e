"""Optimizers: SGD with momentum and Nesterov, Adagrad, RMSprop and Adam, as Keras 3 optimizers.

This version is written with tf.* ops directly (our backend is TensorFlow) and builds the slots
one variable at a time with add_variable_from_reference.
"""

import keras
import tensorflow as tf
from keras import ops


def _slots(opt, variables, name, value=None):
    """One slot per variable, same shape/dtype as the variable."""
    out = []
    for var in variables:
        if value is None:
            out.append(opt.add_variable_from_reference(var, name))
        else:
            out.append(opt.add_variable_from_reference(var, name, initializer=keras.initializers.Constant(value)))
    return out


@keras.saving.register_keras_serializable(package="optimization")
class SGD(keras.optimizers.Optimizer):
    def __init__(self, learning_rate=0.01, momentum=0.0, nesterov=False, name="SGD", **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        try:
            momentum = float(momentum)
        except (TypeError, ValueError):
            raise ValueError(f"momentum should be a number, got {momentum!r}")
        if not momentum >= 0:
            raise ValueError(f"momentum should be >= 0, got {momentum}")
        self.momentum = momentum
        self.nesterov = nesterov

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self.momentums = _slots(self, variables, "momentum") if self.momentum > 0 else []

    def update_step(self, gradient, variable, learning_rate):
        dt = variable.dtype
        lr = tf.cast(learning_rate, dt)
        g = tf.cast(gradient, dt)
        step = lr * g
        if not self.momentums:
            self.assign_sub(variable, step)
            return
        m = self.momentums[self._get_variable_index(variable)]
        mu = tf.cast(self.momentum, dt)
        new_m = mu * m - step
        self.assign(m, new_m)
        if self.nesterov:
            self.assign_add(variable, mu * new_m - step)
        else:
            self.assign_add(variable, new_m)

    def get_config(self):
        return {**super().get_config(), "momentum": self.momentum, "nesterov": self.nesterov}


@keras.saving.register_keras_serializable(package="optimization")
class Adagrad(keras.optimizers.Optimizer):
    def __init__(self, learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7, name="adagrad", **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        self.initial_accumulator_value = float(initial_accumulator_value)
        self.epsilon = float(epsilon)

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self.accumulators = _slots(self, variables, "accumulator", self.initial_accumulator_value)

    def update_step(self, gradient, variable, learning_rate):
        dt = variable.dtype
        lr = tf.cast(learning_rate, dt)
        g = tf.cast(gradient, dt)
        acc = self.accumulators[self._get_variable_index(variable)]
        new_acc = acc + tf.square(g)
        self.assign(acc, new_acc)
        self.assign_sub(variable, lr * g / tf.sqrt(new_acc + self.epsilon))

    def get_config(self):
        return {**super().get_config(), "initial_accumulator_value": self.initial_accumulator_value,
                "epsilon": self.epsilon}


@keras.saving.register_keras_serializable(package="optimization")
class RMSprop(keras.optimizers.Optimizer):
    def __init__(self, learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False, name="rmsprop",
                 **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        self.rho = float(rho)
        self.momentum = float(momentum)
        self.epsilon = float(epsilon)
        self.centered = centered

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self.velocities = _slots(self, variables, "velocity")
        self.momentums = _slots(self, variables, "momentum") if self.momentum > 0 else []
        self.average_gradients = _slots(self, variables, "average_gradient") if self.centered else []

    def update_step(self, gradient, variable, learning_rate):
        dt = variable.dtype
        lr = tf.cast(learning_rate, dt)
        g = tf.cast(gradient, dt)
        idx = self._get_variable_index(variable)
        rho = tf.cast(self.rho, dt)
        v = self.velocities[idx]
        new_v = rho * v + (1.0 - rho) * tf.square(g)
        self.assign(v, new_v)
        second = new_v
        if self.centered:
            gbar = self.average_gradients[idx]
            new_gbar = rho * gbar + (1.0 - rho) * g
            self.assign(gbar, new_gbar)
            second = new_v - tf.square(new_gbar)
        inc = lr * g / tf.sqrt(second + self.epsilon)
        if self.momentum > 0:
            mom = self.momentums[idx]
            new_mom = tf.cast(self.momentum, dt) * mom + inc
            self.assign(mom, new_mom)
            self.assign_sub(variable, new_mom)
        else:
            self.assign_sub(variable, inc)

    def get_config(self):
        return {**super().get_config(), "rho": self.rho, "momentum": self.momentum, "epsilon": self.epsilon,
                "centered": self.centered}


@keras.saving.register_keras_serializable(package="optimization")
class Adam(keras.optimizers.Optimizer):
    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, amsgrad=False, name="adam",
                 **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        self.beta_1 = float(beta_1)
        self.beta_2 = float(beta_2)
        self.epsilon = float(epsilon)
        self.amsgrad = amsgrad

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self.momentums = _slots(self, variables, "momentum")
        self.velocities = _slots(self, variables, "velocity")
        self.velocity_hats = _slots(self, variables, "velocity_hat") if self.amsgrad else []

    def update_step(self, gradient, variable, learning_rate):
        dt = variable.dtype
        lr = tf.cast(learning_rate, dt)
        g = tf.cast(gradient, dt)
        t = tf.cast(self.iterations + 1, dt)
        b1 = tf.cast(self.beta_1, dt)
        b2 = tf.cast(self.beta_2, dt)
        idx = self._get_variable_index(variable)
        m, v = self.momentums[idx], self.velocities[idx]
        new_m = m + (g - m) * (1.0 - b1)
        new_v = v + (tf.square(g) - v) * (1.0 - b2)
        self.assign(m, new_m)
        self.assign(v, new_v)
        if self.amsgrad:
            vh = self.velocity_hats[idx]
            new_v = tf.maximum(vh, new_v)
            self.assign(vh, new_v)
        step_size = lr * tf.sqrt(1.0 - tf.pow(b2, t)) / (1.0 - tf.pow(b1, t))
        self.assign_sub(variable, step_size * new_m / (tf.sqrt(new_v) + self.epsilon))

    def get_config(self):
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon,
                "amsgrad": self.amsgrad}
