"""Optimizers: SGD with momentum and Nesterov, Adagrad, RMSprop and Adam, as Keras 3 optimizers."""

import keras
from keras import ops


@keras.saving.register_keras_serializable(package="optimization")
class SGD(keras.optimizers.Optimizer):
    """SGD with optional momentum / Nesterov (Keras 3 form)."""

    def __init__(self, learning_rate=0.01, momentum=0.0, nesterov=False, name="SGD", **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        # momentum 검사: 숫자이고 0 이상이어야 함
        if isinstance(momentum, bool) or not isinstance(momentum, (int, float)) or momentum < 0:
            raise ValueError(f"momentum must be a number >= 0, got {momentum!r}")
        self.momentum = float(momentum)
        self.nesterov = bool(nesterov)

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self.momentums = []
        if self.momentum > 0:
            self.momentums = self.add_optimizer_variables(variables, "momentum")

    def update_step(self, gradient, variable, learning_rate):
        lr = ops.cast(learning_rate, variable.dtype)
        g = ops.cast(gradient, variable.dtype)
        if self.momentum > 0:
            m = self.momentums[self._get_variable_index(variable)]
            mu = ops.cast(self.momentum, variable.dtype)
            # m <- mu * m - lr * g
            self.assign(m, ops.subtract(ops.multiply(m, mu), ops.multiply(g, lr)))
            if self.nesterov:
                # 새 m 으로: w <- w + mu * m - lr * g
                self.assign_add(variable, ops.subtract(ops.multiply(m, mu), ops.multiply(g, lr)))
            else:
                self.assign_add(variable, m)
        else:
            self.assign_sub(variable, ops.multiply(g, lr))

    def get_config(self):
        return {**super().get_config(), "momentum": self.momentum, "nesterov": self.nesterov}


@keras.saving.register_keras_serializable(package="optimization")
class Adagrad(keras.optimizers.Optimizer):
    """Adagrad (Keras form: accumulator starts at 0.1, epsilon inside the sqrt)."""

    def __init__(self, learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7, name="adagrad", **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        self.initial_accumulator_value = float(initial_accumulator_value)
        self.epsilon = float(epsilon)

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self.accumulators = self.add_optimizer_variables(
            variables, "accumulator",
            initializer=keras.initializers.Constant(self.initial_accumulator_value))

    def update_step(self, gradient, variable, learning_rate):
        lr = ops.cast(learning_rate, variable.dtype)
        g = ops.cast(gradient, variable.dtype)
        a = self.accumulators[self._get_variable_index(variable)]
        self.assign_add(a, ops.square(g))
        self.assign_sub(variable, ops.divide(ops.multiply(lr, g), ops.add(ops.sqrt(a), self.epsilon)))

    def get_config(self):
        return {**super().get_config(), "initial_accumulator_value": self.initial_accumulator_value,
                "epsilon": self.epsilon}


@keras.saving.register_keras_serializable(package="optimization")
class RMSprop(keras.optimizers.Optimizer):
    """RMSprop with optional momentum and centering."""

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
        self.velocities = self.add_optimizer_variables(variables, "velocity")
        self.momentums = []
        if self.momentum > 0:
            self.momentums = self.add_optimizer_variables(variables, "momentum")
        self.average_gradients = []
        if self.centered:
            self.average_gradients = self.add_optimizer_variables(variables, "average_gradient")

    def update_step(self, gradient, variable, learning_rate):
        lr = ops.cast(learning_rate, variable.dtype)
        g = ops.cast(gradient, variable.dtype)
        i = self._get_variable_index(variable)
        v = self.velocities[i]
        rho = self.rho
        self.assign(v, ops.add(ops.multiply(rho, v), ops.multiply(1 - rho, ops.square(g))))
        if self.centered:
            gbar = self.average_gradients[i]
            self.assign(gbar, ops.add(ops.multiply(rho, gbar), ops.multiply(1 - rho, g)))
            denom = ops.add(ops.subtract(v, ops.square(gbar)), self.epsilon)
        else:
            denom = ops.add(v, self.epsilon)
        increment = ops.divide(ops.multiply(lr, g), ops.sqrt(denom))
        if self.momentum > 0:
            mom = self.momentums[i]
            self.assign(mom, ops.add(ops.multiply(self.momentum, mom), increment))
            self.assign_sub(variable, mom)
        else:
            self.assign_sub(variable, increment)

    def get_config(self):
        return {**super().get_config(), "rho": self.rho, "momentum": self.momentum, "epsilon": self.epsilon,
                "centered": self.centered}


@keras.saving.register_keras_serializable(package="optimization")
class Adam(keras.optimizers.Optimizer):
    """Adam, Keras's epsilon-hat form."""

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
        self.momentums = self.add_optimizer_variables(variables, "momentum")
        self.velocities = self.add_optimizer_variables(variables, "velocity")
        self.velocity_hats = []
        if self.amsgrad:
            self.velocity_hats = self.add_optimizer_variables(variables, "velocity_hat")

    def update_step(self, gradient, variable, learning_rate):
        lr = ops.cast(learning_rate, variable.dtype)
        g = ops.cast(gradient, variable.dtype)
        t = ops.cast(self.iterations + 1, variable.dtype)
        b1_t = ops.power(ops.cast(self.beta_1, variable.dtype), t)
        b2_t = ops.power(ops.cast(self.beta_2, variable.dtype), t)
        i = self._get_variable_index(variable)
        m = self.momentums[i]
        v = self.velocities[i]
        alpha = lr * ops.sqrt(1 - b2_t) / (1 - b1_t)
        self.assign_add(m, ops.multiply(ops.subtract(g, m), 1 - self.beta_1))
        self.assign_add(v, ops.multiply(ops.subtract(ops.square(g), v), 1 - self.beta_2))
        if self.amsgrad:
            vhat = self.velocity_hats[i]
            self.assign(vhat, ops.maximum(vhat, v))
            v = vhat
        self.assign_sub(variable, ops.divide(ops.multiply(m, alpha), ops.add(ops.sqrt(v), self.epsilon)))

    def get_config(self):
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon,
                "amsgrad": self.amsgrad}
