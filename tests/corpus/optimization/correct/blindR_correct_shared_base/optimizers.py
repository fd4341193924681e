"""Optimizers: SGD with momentum and Nesterov, Adagrad, RMSprop and Adam, as Keras 3 optimizers.

All four share a small helper base (_SlotOptimizer) that makes the slots and casts lr / gradient.
"""

import keras
from keras import ops


class _SlotOptimizer(keras.optimizers.Optimizer):
    """Common plumbing: slot creation and lookup."""

    def _make_slots(self, variables, name, fill=0.0):
        if fill == 0.0:
            return [self.add_variable_from_reference(v, name) for v in variables]
        init = keras.initializers.Constant(fill)
        return [self.add_variable_from_reference(v, name, initializer=init) for v in variables]

    def _slot(self, slots, variable):
        return slots[self._get_variable_index(variable)]

    @staticmethod
    def _cast(learning_rate, gradient, variable):
        return ops.cast(learning_rate, variable.dtype), ops.cast(gradient, variable.dtype)


@keras.saving.register_keras_serializable(package="optimization")
class SGD(_SlotOptimizer):
    def __init__(self, learning_rate=0.01, momentum=0.0, nesterov=False, name="SGD", **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        if isinstance(momentum, bool) or not isinstance(momentum, (int, float)):
            raise ValueError(f"SGD: momentum must be a number, got {type(momentum).__name__}")
        if momentum < 0:
            raise ValueError(f"SGD: momentum must be >= 0, got {momentum}")
        self.momentum = float(momentum)
        self.nesterov = bool(nesterov)

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self.momentums = self._make_slots(variables, "momentum") if self.momentum > 0 else []

    def update_step(self, gradient, variable, learning_rate):
        lr, g = self._cast(learning_rate, gradient, variable)
        lr_g = ops.multiply(lr, g)
        if self.momentum <= 0:
            self.assign_sub(variable, lr_g)
            return
        m = self._slot(self.momentums, variable)
        mu = ops.cast(self.momentum, variable.dtype)
        self.assign(m, ops.subtract(ops.multiply(mu, m), lr_g))
        delta = ops.subtract(ops.multiply(mu, m), lr_g) if self.nesterov else m
        self.assign_add(variable, delta)

    def get_config(self):
        return {**super().get_config(), "momentum": self.momentum, "nesterov": self.nesterov}


@keras.saving.register_keras_serializable(package="optimization")
class Adagrad(_SlotOptimizer):
    def __init__(self, learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7, name="adagrad", **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        self.initial_accumulator_value = float(initial_accumulator_value)
        self.epsilon = float(epsilon)

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self.accumulators = self._make_slots(variables, "accumulator", fill=self.initial_accumulator_value)

    def update_step(self, gradient, variable, learning_rate):
        lr, g = self._cast(learning_rate, gradient, variable)
        acc = self._slot(self.accumulators, variable)
        self.assign_add(acc, ops.square(g))
        denom = ops.sqrt(ops.add(acc, ops.cast(self.epsilon, variable.dtype)))
        self.assign_sub(variable, ops.divide(ops.multiply(lr, g), denom))

    def get_config(self):
        return {**super().get_config(), "initial_accumulator_value": self.initial_accumulator_value,
                "epsilon": self.epsilon}


@keras.saving.register_keras_serializable(package="optimization")
class RMSprop(_SlotOptimizer):
    def __init__(self, learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False, name="rmsprop",
                 **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        self.rho = float(rho)
        self.momentum = float(momentum)
        self.epsilon = float(epsilon)
        self.centered = bool(centered)

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self.velocities = self._make_slots(variables, "velocity")
        self.momentums = self._make_slots(variables, "momentum") if self.momentum > 0 else []
        self.average_gradients = self._make_slots(variables, "average_gradient") if self.centered else []

    def update_step(self, gradient, variable, learning_rate):
        lr, g = self._cast(learning_rate, gradient, variable)
        dt = variable.dtype
        rho = ops.cast(self.rho, dt)
        one_minus_rho = ops.cast(1.0 - self.rho, dt)
        vel = self._slot(self.velocities, variable)
        self.assign(vel, ops.add(ops.multiply(rho, vel), ops.multiply(one_minus_rho, ops.square(g))))
        var_est = vel
        if self.centered:
            avg = self._slot(self.average_gradients, variable)
            self.assign(avg, ops.add(ops.multiply(rho, avg), ops.multiply(one_minus_rho, g)))
            var_est = ops.subtract(vel, ops.square(avg))
        increment = ops.divide(ops.multiply(lr, g), ops.sqrt(ops.add(var_est, ops.cast(self.epsilon, dt))))
        if self.momentum > 0:
            mom = self._slot(self.momentums, variable)
            self.assign(mom, ops.add(ops.multiply(ops.cast(self.momentum, dt), mom), increment))
            increment = mom
        self.assign_sub(variable, increment)

    def get_config(self):
        return {**super().get_config(), "rho": self.rho, "momentum": self.momentum, "epsilon": self.epsilon,
                "centered": self.centered}


@keras.saving.register_keras_serializable(package="optimization")
class Adam(_SlotOptimizer):
    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, amsgrad=False, name="adam",
                 **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        self.beta_1 = float(beta_1)
        self.beta_2 = float(beta_2)
        self.epsilon = float(epsilon)
        self.amsgrad = bool(amsgrad)

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self.momentums = self._make_slots(variables, "momentum")
        self.velocities = self._make_slots(variables, "velocity")
        self.velocity_hats = self._make_slots(variables, "velocity_hat") if self.amsgrad else []

    def update_step(self, gradient, variable, learning_rate):
        lr, g = self._cast(learning_rate, gradient, variable)
        dt = variable.dtype
        step = ops.cast(self.iterations, dt) + 1.0               # t, as a tensor
        b1, b2 = ops.cast(self.beta_1, dt), ops.cast(self.beta_2, dt)
        m = self._slot(self.momentums, variable)
        v = self._slot(self.velocities, variable)
        self.assign_add(m, ops.multiply(ops.subtract(g, m), 1.0 - b1))
        self.assign_add(v, ops.multiply(ops.subtract(ops.square(g), v), 1.0 - b2))
        second = v
        if self.amsgrad:
            vhat = self._slot(self.velocity_hats, variable)
            self.assign(vhat, ops.maximum(vhat, v))
            second = vhat
        alpha = ops.divide(ops.multiply(lr, ops.sqrt(1.0 - ops.power(b2, step))), 1.0 - ops.power(b1, step))
        self.assign_sub(variable, ops.divide(ops.multiply(alpha, m), ops.add(ops.sqrt(second), self.epsilon)))

    def get_config(self):
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon,
                "amsgrad": self.amsgrad}
