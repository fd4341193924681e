"""EarlyStopping: stop training when a monitored value stops improving."""

import warnings

import keras
import numpy as np


class EarlyStopping(keras.callbacks.Callback):
    """Stops `model.fit` once `monitor` has not improved for `patience` epochs.

    (Rules as in Keras 3.15; see the assignment skeleton.) The comparisons are
    done in float32, as Keras does.
    """

    def __init__(self, monitor="val_loss", min_delta=0, patience=0, mode="auto", baseline=None,
                 restore_best_weights=False, start_from_epoch=0):
        super().__init__()
        if mode not in {"auto", "min", "max"}:
            warnings.warn(f"Unknown mode {mode!r} for EarlyStopping; using 'auto'.")
            mode = "auto"
        self.monitor = monitor
        self.min_delta = abs(min_delta)
        self.patience = patience
        self.mode = mode
        self.baseline = baseline
        self.restore_best_weights = restore_best_weights
        self.start_from_epoch = start_from_epoch
        self._reset()

    def _reset(self):
        self.wait, self.stopped_epoch, self.best_epoch = 0, 0, 0
        self.best = None
        self.best_weights = None

    def _direction(self):
        """+1 when larger is better ("max"), -1 when smaller is better ("min")."""
        if self.mode != "auto":
            return {"min": -1, "max": +1}[self.mode]
        name = self.monitor.removeprefix("val_")
        if name.endswith("loss"):
            return -1
        return +1 if ("acc" in name or "auc" in name) else -1

    def _better(self, value, reference):
        """The strict improvement test of `value` over `reference` (min_delta included)."""
        if reference is None:
            return True
        sign = self._direction()
        # sign * (value - reference) > min_delta, evaluated like Keras in float32
        shifted = np.float32(value - sign * self.min_delta)
        ref = np.float32(reference)
        return bool(shifted > ref) if sign > 0 else bool(shifted < ref)

    def on_train_begin(self, logs=None):
        self._reset()

    def on_epoch_end(self, epoch, logs=None):
        if logs is None or self.monitor not in logs or logs[self.monitor] is None:
            warnings.warn(f"EarlyStopping: `{self.monitor}` is not in the logs "
                          f"({sorted((logs or {}).keys())}); not stopping.")
            return
        if epoch < self.start_from_epoch:
            return
        current = logs[self.monitor]

        if self.restore_best_weights and self.best_weights is None:
            self.best_weights = [np.array(w, copy=True) for w in self.model.get_weights()]
        self.wait += 1

        if not self._better(current, self.best):
            if self.wait >= self.patience and epoch > 0:
                self.stopped_epoch = epoch
                self.model.stop_training = True
            return

        # improvement
        self.best, self.best_epoch = current, epoch
        if self.restore_best_weights:
            self.best_weights = [np.array(w, copy=True) for w in self.model.get_weights()]
        if self.baseline is None or self._better(current, self.baseline):
            self.wait = 0

    def on_train_end(self, logs=None):
        if self.restore_best_weights and self.best_weights is not None:
            self.model.set_weights(self.best_weights)
