"""Optimizers: SGD with momentum and Nesterov, Adagrad, RMSprop and Adam, as Keras 3 optimizers.

풀이 메모: 같은 식을 조금 다르게 정리해서 구현함.
 - SGD nesterov:  w + mu*m_new - lr*g  ==  w + (mu*m_new + (m_new - mu*m_old)) ... 대신 그냥 m_new 로 계산
 - Adagrad: 1/sqrt(a+eps) 는 rsqrt
 - RMSprop: v <- v + (1-rho)(g^2 - v)  (rho*v + (1-rho)g^2 와 같음)
 - Adam: lr*sqrt(1-b2^t)/(1-b1^t) * m/(sqrt(v)+eps)  ==  lr * m / ((1-b1^t) * (sqrt(v)+eps) / sqrt(1-b2^t))
"""

import keras
from keras import ops


@keras.saving.register_keras_serializable(package="optimization")
class SGD(keras.optimizers.Optimizer):
    def __init__(self, learning_rate=0.01, momentum=0.0, nesterov=False, name="SGD", **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        if not isinstance(momentum, (int, float)) or momentum < 0:
            raise ValueError("`momentum` must be a number >= 0, received: momentum=%r" % (momentum,))
        self.momentum = float(momentum)
        self.nesterov = nesterov

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        if self.momentum > 0:
            self.momentums = self.add_optimizer_variables(variables, "momentum")
        else:
            self.momentums = []

    def update_step(self, gradient, variable, learning_rate):
        lr = ops.cast(learning_rate, variable.dtype)
        g = ops.cast(gradient, variable.dtype)
        if self.momentum == 0:
            self.assign(variable, variable - lr * g)
            return
        m = self.momentums[self._get_variable_index(variable)]
        self.assign(m, self.momentum * m - lr * g)
        if self.nesterov:
            # w + mu*m - lr*g  ==  w + m*mu + (m - mu*m_old) ... 그냥 새 m 사용
            self.assign(variable, variable + (m * self.momentum - lr * g))
        else:
            self.assign(variable, variable + m)

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
        init = keras.initializers.Constant(self.initial_accumulator_value)
        self.accumulators = self.add_optimizer_variables(variables, "accumulator", initializer=init)

    def update_step(self, gradient, variable, learning_rate):
        lr = ops.cast(learning_rate, variable.dtype)
        g = ops.cast(gradient, variable.dtype)
        acc = self.accumulators[self._get_variable_index(variable)]
        self.assign(acc, acc + g * g)
        self.assign(variable, variable - lr * g * ops.rsqrt(acc + self.epsilon))

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
        self.velocities = self.add_optimizer_variables(variables, "velocity")
        self.momentums = self.add_optimizer_variables(variables, "momentum") if self.momentum > 0 else []
        self.average_gradients = (self.add_optimizer_variables(variables, "average_gradient")
                                  if self.centered else [])

    def update_step(self, gradient, variable, learning_rate):
        lr = ops.cast(learning_rate, variable.dtype)
        g = ops.cast(gradient, variable.dtype)
        k = self._get_variable_index(variable)
        decay = 1.0 - self.rho
        v = self.velocities[k]
        self.assign_add(v, decay * (ops.square(g) - v))          # 지수이동평균
        second_moment = v
        if self.centered:
            ga = self.average_gradients[k]
            self.assign_add(ga, decay * (g - ga))
            second_moment = v - ops.square(ga)                   # 분산 추정
        step = lr * g / ops.sqrt(second_moment + self.epsilon)
        if self.momentum > 0:
            mo = self.momentums[k]
            self.assign(mo, self.momentum * mo + step)
            step = mo
        self.assign_sub(variable, step)

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
        self.momentums = self.add_optimizer_variables(variables, "momentum")
        self.velocities = self.add_optimizer_variables(variables, "velocity")
        self.velocity_hats = self.add_optimizer_variables(variables, "velocity_hat") if self.amsgrad else []

    def update_step(self, gradient, variable, learning_rate):
        dtype = variable.dtype
        lr = ops.cast(learning_rate, dtype)
        g = ops.cast(gradient, dtype)
        t = ops.cast(ops.add(self.iterations, 1), dtype)
        k = self._get_variable_index(variable)
        m, v = self.momentums[k], self.velocities[k]
        self.assign(m, self.beta_1 * m + (1.0 - self.beta_1) * g)
        self.assign(v, self.beta_2 * v + (1.0 - self.beta_2) * ops.square(g))
        if self.amsgrad:
            vh = self.velocity_hats[k]
            self.assign(vh, ops.maximum(vh, v))
            v = vh
        bc1 = 1.0 - ops.power(ops.cast(self.beta_1, dtype), t)
        bc2 = 1.0 - ops.power(ops.cast(self.beta_2, dtype), t)
        denom = bc1 * (ops.sqrt(v) + self.epsilon) / ops.sqrt(bc2)
        self.assign_sub(variable, lr * m / denom)

    def get_config(self):
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon,
                "amsgrad": self.amsgrad}
