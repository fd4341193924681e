"""The worker runs several exercises of a submission in one child: that must not change what it observes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import EXERCISES, PACK
from grader.load import load_submission
from grader.sandbox import pool, wire
from conftest import SOLUTIONS_DIR


# Stateful TensorFlow random ops keep their state in cached kernels: the worker must still give every
# probe fresh streams, so what they observe cannot depend on what ran before in the same process.
_STATEFUL = {
    "noise.py": ("noise = keras.random.normal(\n            keras.ops.shape(inputs),\n            mean=0.0,\n            stddev=self.stddev,\n"
                 "            dtype=inputs.dtype,\n            seed=self.seed_generator,\n        )",
                 "noise = tf.random.normal(tf.shape(inputs), stddev=self.stddev, dtype=inputs.dtype)"),
    # The same op as the noise: kept where z >= the rate's normal quantile, so P(keep) = 1 - rate.
    "dropout.py": ("uniform = keras.random.uniform(\n            noise_shape, dtype=inputs.dtype, seed=self.seed_generator\n        )\n"
                   "        keep = keras.ops.greater_equal(uniform, self.rate)",
                   "keep = tf.random.normal(noise_shape) >= tf.math.ndtri(tf.constant(self.rate, tf.float32))"),
}


def _stateful_submission(folder: Path) -> Path:
    shutil.copytree(SOLUTIONS_DIR, folder)
    for name, (old, new) in _STATEFUL.items():
        text = (folder / name).read_text()
        assert text.count(old) == 1, name
        (folder / name).write_text("import tensorflow as tf\n" + text.replace(old, new))
    return folder


def _observations(monkeypatch, grouping, folder: Path = SOLUTIONS_DIR) -> dict[str, bytes]:
    monkeypatch.setattr(pool, "split_tasks", grouping)
    submission = load_submission(folder)
    with pool.WorkerPool(parallel=2, timeout=60) as workers:
        job = pool.Job("same", pool.tasks_for(PACK, submission.modules), submission.sources)
        runs = workers.run([job])["same"]
    return {name: wire.dumps(run.observations) for name, run in runs.items()}


@pytest.mark.parametrize("stateful", [False, True], ids=["reference", "stateful-tf-random"])
def test_grouping_and_order_of_exercises_change_no_observation(monkeypatch, tmp_path, stateful):
    folder = _stateful_submission(tmp_path / "sub") if stateful else SOLUTIONS_DIR
    alone = _observations(monkeypatch, lambda tasks, parts: [(t,) for t in tasks], folder)
    together = _observations(monkeypatch, lambda tasks, parts: [tasks], folder)
    reversed_ = _observations(monkeypatch, lambda tasks, parts: [tuple(reversed(tasks))], folder)
    assert set(alone) == {ex.name for ex in EXERCISES}
    for name in alone:
        assert together[name] == alone[name], name
        assert reversed_[name] == alone[name], name


TASKS = pool.tasks_for(PACK, {ex.filename: ex.filename for ex in EXERCISES})


@pytest.mark.parametrize("parts", [1, 2, 3, 7, 20])
def test_split_keeps_order_covers_every_task_and_uses_the_parts(parts):
    groups = pool.split_tasks(TASKS, parts)
    assert [t for group in groups for t in group] == list(TASKS)
    assert len(groups) == min(parts, len(TASKS))
    assert all(groups)


def test_split_balances_cost():
    first, second = pool.split_tasks(TASKS, 2)
    costs = sum(t.cost for t in first), sum(t.cost for t in second)
    assert max(costs) <= 0.65 * sum(costs), costs


def test_a_repeated_array_travels_once_and_comes_back_as_its_own_copy():
    import numpy as np

    x = np.arange(6.0).reshape(2, 3)
    message = {"x": x, "cases": [{"y": x.copy(), "z": x.astype(np.float32)}, {"y": x + 1}]}
    line = wire.dumps(message)
    assert line.count(b"__nd__") == 3 and line.count(b"__same__") == 1
    back = wire.loads(line)
    np.testing.assert_array_equal(back["cases"][0]["y"], x)
    assert back["cases"][0]["y"] is not back["x"]
    assert back["cases"][0]["z"].dtype == np.float32


@pytest.mark.parametrize("reference", ["0", "-1", "1.0", '"0"'])
def test_a_reference_to_no_earlier_array_is_refused(reference):
    with pytest.raises(wire.WireError):
        wire.loads(b'{"a": {"__same__": ' + reference.encode() + b"}}")


@pytest.mark.parametrize("message, words", [
    ("Incompatible shapes: [4,6,3,2] vs. [1,6,1,6] [Op:Mul]", "broadcast against the input"),
    ("cannot compute Mul as input #1(zero-based) was expected to be a double tensor but is a float tensor [Op:Mul]",
     "two dtypes"),
    ("Invalid axis values. Received: axis=(0, 1, 2, 3)", "an axis the input does not have"),
    ("tf.function only supports singleton tf.Variables created on the first call.", "Create it once"),
    ("unsupported operand type(s) for *: 'NoneType' and 'int'", "keras.ops.shape(inputs)"),
])
def test_a_tensorflow_error_is_followed_by_what_it_usually_means(message, words):
    described = pool.ProbeError("ValueError", message, "BatchNormalization.call (batchnorm.py, line 9)").describe()
    assert described.startswith(f"ValueError: {message}") and "What this error usually means:" in described
    assert words in described


def test_an_error_of_the_students_own_keeps_its_message_alone():
    described = pool.ProbeError("RuntimeError", "only the last axis is supported", "BN.call (batchnorm.py, line 3)").describe()
    assert described == "RuntimeError: only the last axis is supported — in BN.call (batchnorm.py, line 3)"
