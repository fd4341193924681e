"""EarlyStopping: stop training when a monitored value stops improving."""

import warnings

import keras
import numpy as np


class EarlyStopping(keras.callbacks.Callback):
    """Stops `model.fit` once `monitor` has not improved for `patience` epochs.

    Early stopping treats the number of epochs as a hyper-parameter chosen on
    the validation set: training runs while the validation loss still falls and
    stops when it turns back up, and optionally the weights of the best epoch
    are put back at the end.

    The rules (those of Keras 3.15):

    - At the start of every `fit` (`on_train_begin`) the state is reset:
      `wait = 0`, `stopped_epoch = 0`, `best = None`, `best_weights = None`,
      `best_epoch = 0`. One callback can serve several fits.
    - At the end of each epoch, `current = logs[monitor]`. When the key is
      missing, warn (`warnings.warn`) and do nothing: training never stops.
    - Epochs before `start_from_epoch` are ignored (epochs count from 0).
    - With `restore_best_weights`, the first monitored epoch takes a snapshot
      of `model.get_weights()` (copies, not the live variables).
    - `wait += 1`, then the improvement test, which is strict:
        mode "min": current + min_delta < best
        mode "max": current - min_delta > best
      (`min_delta` is used as its absolute value; `best is None` always counts
      as an improvement). On an improvement: `best = current`,
      `best_epoch = epoch`, a new snapshot, and `wait = 0` **only if**
      `baseline is None` or `current` also beats `baseline` (same strict test
      with min_delta). An improving epoch never stops training.
    - Otherwise, when `wait >= patience` and `epoch > 0`: `stopped_epoch =
      epoch` and `model.stop_training = True`.
    - At the end of training (`on_train_end`), with `restore_best_weights` and
      a snapshot, `model.set_weights(best_weights)`, whether or not training
      stopped early.

    Args:
        monitor: the key of `logs` to watch, e.g. "val_loss" or "val_accuracy".
        min_delta: the smallest change that counts as an improvement (its
            absolute value is used).
        patience: how many epochs without improvement to allow.
        mode: "min", "max" or "auto". "auto" means "min" for a monitor whose
            name (without a "val_" prefix) is "loss" or ends in "loss", "max"
            when the name contains "acc" or "auc", and "min" otherwise. Any
            other value warns and is treated as "auto".
        baseline: None, or a value the monitor must beat for `wait` to reset.
        restore_best_weights: put the best epoch's weights back at the end.
        start_from_epoch: the number of epochs to ignore at the start.

    Attributes read by the grader (Keras's names): `wait`, `best`,
    `best_epoch`, `stopped_epoch`, `best_weights`, `monitor`, `min_delta`,
    `patience`, `mode`, `baseline`, `restore_best_weights`,
    `start_from_epoch`.

    Example:

    >>> stop = EarlyStopping(monitor="val_loss", patience=2,
    ...                      restore_best_weights=True)
    >>> model.fit(x, y, validation_split=0.2, epochs=100, callbacks=[stop])
    """

    def __init__(self, monitor="val_loss", min_delta=0, patience=0, mode="auto", baseline=None,
                 restore_best_weights=False, start_from_epoch=0):
        super().__init__()
        self.monitor = monitor
        self.min_delta = abs(min_delta)
        self.patience = patience
        if mode not in ("auto", "min", "max"):
            warnings.warn(f"EarlyStopping mode '{mode}' is unknown, fallback to auto mode.", stacklevel=2)
            mode = "auto"
        self.mode = mode
        self.baseline = baseline
        self.restore_best_weights = restore_best_weights
        self.start_from_epoch = start_from_epoch
        self._reset()

    def _reset(self):
        self.wait = 0
        self.stopped_epoch = 0
        self.best = None
        self.best_weights = None
        self.best_epoch = 0

    def _direction(self):
        """+1 when larger is better ("max"), -1 when smaller is better ("min")."""
        mode = self.mode
        if mode == "auto":
            name = self.monitor.removeprefix("val_")
            mode = "min" if name.endswith("loss") else ("max" if any(k in name for k in ("acc", "auc")) else "min")
        return {"min": -1, "max": 1}[mode]

    def _better(self, value, reference):
        """The strict improvement test of `value` over `reference` (min_delta included)."""
        if reference is None:
            return True
        s = self._direction()
        # s = +1: value - d > ref ; s = -1: value + d < ref  (float32, like Keras; NaN is never better)
        shifted, ref = np.float32(value - s * self.min_delta), np.float32(reference)
        return bool(s * shifted > s * ref)

    def on_train_begin(self, logs=None):
        self._reset()

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        current = logs.get(self.monitor)
        if current is None:
            warnings.warn(f"Early stopping conditioned on metric `{self.monitor}` which is not available. "
                          f"Available metrics are: {','.join(logs.keys())}", stacklevel=2)
            return
        if epoch < self.start_from_epoch:
            return
        if self.restore_best_weights and self.best_weights is None:
            self.best_weights = self.model.get_weights()
            self.best_epoch = epoch

        self.wait += 1
        if self._better(current, self.best):
            self.best = current
            self.best_epoch = epoch
            if self.restore_best_weights:
                self.best_weights = self.model.get_weights()
            if self.baseline is None or self._better(current, self.baseline):
                self.wait = 0
            return

        if self.wait >= self.patience and epoch > 0:
            self.stopped_epoch = epoch
            self.model.stop_training = True

    def on_train_end(self, logs=None):
        if self.restore_best_weights and self.best_weights is not None:
            self.model.set_weights(self.best_weights)
