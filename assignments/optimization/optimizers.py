"""Optimizers: SGD with momentum and Nesterov, Adagrad, RMSprop and Adam, as Keras 3 optimizers.

Each class subclasses `keras.optimizers.Optimizer`, which does everything around the update itself:
the learning rate (a number or a schedule), gradient clipping, `weight_decay` (decoupled:
w <- w - lr * weight_decay * w, before the update), the step counter `self.iterations` (increased
AFTER every variable's update, so inside `update_step` the step number is t = iterations + 1), and
saving. A subclass writes three methods:

- `build(variables)`: return at once if `self.built`; call `super().build(variables)`; then make the
  slots, one per model variable, with `self.add_optimizer_variables(variables, "name")` (zeros, or
  `initializer=...`). Keep them in lists; `self._get_variable_index(variable)` finds a variable's slot.
- `update_step(gradient, variable, learning_rate)`: one variable's update, with `keras.ops` and
  `self.assign` / `self.assign_add` / `self.assign_sub`. It runs inside `tf.function` during `fit`:
  no Python counters, no `.numpy()`, no Python `if` on tensor values.
- `get_config()`: `super().get_config()` plus the optimizer's own hyper-parameters.

The formulas are Keras 3.15's; where they differ from the textbook (Goodfellow et al., chapter 8) the
class docstring says so. A textbook variant is a different optimizer: it loses the points of the checks
that tell the two apart.
"""

import keras
from keras import ops


@keras.saving.register_keras_serializable(package="optimization")
class SGD(keras.optimizers.Optimizer):
    """Stochastic gradient descent, with optional momentum and Nesterov momentum.

        momentum == 0:   w <- w - lr * g
        momentum > 0:    m <- momentum * m - lr * g        (m: one slot per variable, starts at 0)
                         w <- w + m
        nesterov=True:   m <- momentum * m - lr * g
                         w <- w + momentum * m - lr * g    (with the NEW m)

    The Nesterov form is Sutskever's rewrite of "evaluate the gradient at w + momentum * m": it needs
    the gradient at w only. Note the sign convention: m holds the step (it already includes -lr), so
    the update ADDS it; the learning rate enters m at every step, so with a schedule the old steps keep
    the learning rate they were taken with.

    Args:
        learning_rate: a float or a `keras.optimizers.schedules.LearningRateSchedule`.
        momentum: float >= 0.
        nesterov: bool.
        name: the optimizer's name.
        **kwargs: the base class's arguments (`weight_decay`, `clipnorm`, ...).
    """

    def __init__(self, learning_rate=0.01, momentum=0.0, nesterov=False, name="SGD", **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        # TODO: check momentum (a number >= 0, else ValueError) and store momentum (float) and nesterov.
        raise NotImplementedError("SGD.__init__ is not written yet: see the TODO above")

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        # TODO: with momentum > 0, make one "momentum" slot per variable (self.momentums); else an empty list.
        raise NotImplementedError("SGD.build is not written yet: see the TODO above")

    def update_step(self, gradient, variable, learning_rate):
        # TODO: the update of the class docstring, in the variable's dtype (cast lr and g).
        raise NotImplementedError("SGD.update_step is not written yet: see the TODO above")

    def get_config(self):
        return {**super().get_config(), "momentum": self.momentum, "nesterov": self.nesterov}


@keras.saving.register_keras_serializable(package="optimization")
class Adagrad(keras.optimizers.Optimizer):
    """Adagrad: each weight's step shrinks with the sum of its squared gradients.

        a <- a + g ** 2                      (a: one slot per variable, starts at initial_accumulator_value)
        w <- w - lr * g / sqrt(a + epsilon)

    Keras's form, not the textbook's: the accumulator starts at 0.1 (not 0), and epsilon sits INSIDE the
    square root (the book writes delta + sqrt(r)).

    Args:
        learning_rate: a float or a schedule.
        initial_accumulator_value: float >= 0, the accumulator's start.
        epsilon: float > 0.
        name: the optimizer's name.
        **kwargs: the base class's arguments.
    """

    def __init__(self, learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7, name="adagrad", **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        # TODO: store initial_accumulator_value and epsilon (floats).
        raise NotImplementedError("Adagrad.__init__ is not written yet: see the TODO above")

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        # TODO: one "accumulator" slot per variable, filled with initial_accumulator_value
        # (initializer=keras.initializers.Constant(...)), in self.accumulators.
        raise NotImplementedError("Adagrad.build is not written yet: see the TODO above")

    def update_step(self, gradient, variable, learning_rate):
        # TODO: the update of the class docstring.
        raise NotImplementedError("Adagrad.update_step is not written yet: see the TODO above")

    def get_config(self):
        return {**super().get_config(), "initial_accumulator_value": self.initial_accumulator_value,
                "epsilon": self.epsilon}


@keras.saving.register_keras_serializable(package="optimization")
class RMSprop(keras.optimizers.Optimizer):
    """RMSprop: Adagrad with a moving average of squared gradients instead of their sum.

        v <- rho * v + (1 - rho) * g ** 2                  (slots start at 0)
        centered=True:  gbar <- rho * gbar + (1 - rho) * g,   denominator sqrt(v - gbar ** 2 + epsilon)
        otherwise:      denominator sqrt(v + epsilon)
        momentum == 0:  w <- w - lr * g / denominator
        momentum > 0:   mom <- momentum * mom + lr * g / denominator;   w <- w - mom

    Args:
        learning_rate: a float or a schedule.
        rho: float in [0, 1), the average's decay.
        momentum: float >= 0.
        epsilon: float > 0, inside the square root.
        centered: bool: divide by an estimate of the gradient's variance rather than its second moment.
        name: the optimizer's name.
        **kwargs: the base class's arguments.
    """

    def __init__(self, learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False, name="rmsprop",
                 **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        # TODO: store rho, momentum and epsilon (floats) and centered.
        raise NotImplementedError("RMSprop.__init__ is not written yet: see the TODO above")

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        # TODO: "velocity" slots (self.velocities); "momentum" slots (self.momentums) when momentum > 0 and
        # "average_gradient" slots (self.average_gradients) when centered, else empty lists.
        raise NotImplementedError("RMSprop.build is not written yet: see the TODO above")

    def update_step(self, gradient, variable, learning_rate):
        # TODO: the update of the class docstring.
        raise NotImplementedError("RMSprop.update_step is not written yet: see the TODO above")

    def get_config(self):
        return {**super().get_config(), "rho": self.rho, "momentum": self.momentum, "epsilon": self.epsilon,
                "centered": self.centered}


@keras.saving.register_keras_serializable(package="optimization")
class Adam(keras.optimizers.Optimizer):
    """Adam: momentum on the gradient and on its square, with bias correction.

        t = iterations + 1                                   (a tensor: never a Python counter)
        m <- m + (g - m) * (1 - beta_1)                      (= beta_1 m + (1 - beta_1) g)
        v <- v + (g ** 2 - v) * (1 - beta_2)
        amsgrad=True:  vhat <- max(vhat, v), used in place of v below
        w <- w - lr * sqrt(1 - beta_2 ** t) / (1 - beta_1 ** t) * m / (sqrt(v) + epsilon)

    Keras's "epsilon hat" form: the bias corrections are folded into the step size, so epsilon is added
    to sqrt(v), not to sqrt(v / (1 - beta_2 ** t)) as in the paper and the textbook. At epsilon = 1e-7
    the two agree to 1e-7; at epsilon = 1e-2 they do not, and the kit grades Keras's.

    Args:
        learning_rate: a float or a schedule.
        beta_1, beta_2: floats in [0, 1).
        epsilon: float > 0.
        amsgrad: bool.
        name: the optimizer's name.
        **kwargs: the base class's arguments.
    """

    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, amsgrad=False, name="adam",
                 **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        # TODO: store beta_1, beta_2 and epsilon (floats) and amsgrad.
        raise NotImplementedError("Adam.__init__ is not written yet: see the TODO above")

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        # TODO: "momentum" and "velocity" slots (self.momentums, self.velocities), and "velocity_hat" slots
        # (self.velocity_hats) when amsgrad, else an empty list.
        raise NotImplementedError("Adam.build is not written yet: see the TODO above")

    def update_step(self, gradient, variable, learning_rate):
        # TODO: the update of the class docstring; the step t from self.iterations.
        raise NotImplementedError("Adam.update_step is not written yet: see the TODO above")

    def get_config(self):
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon,
                "amsgrad": self.amsgrad}
