"""The worker runs several exercises of a submission in one child: that must not change what it observes."""

from __future__ import annotations

import pytest

from grader.exercises import EXERCISES
from grader.load import load_submission
from grader.sandbox import pool, wire
from grader.settings import SOLUTIONS_DIR


def _observations(monkeypatch, grouping) -> dict[str, bytes]:
    monkeypatch.setattr(pool, "split_tasks", grouping)
    submission = load_submission(SOLUTIONS_DIR)
    with pool.WorkerPool(parallel=2, timeout=60) as workers:
        job = pool.Job("same", pool.tasks_for(submission.modules), submission.sources)
        runs = workers.run([job])["same"]
    return {name: wire.dumps(run.observations) for name, run in runs.items()}


def test_grouping_and_order_of_exercises_change_no_observation(monkeypatch):
    alone = _observations(monkeypatch, lambda tasks, parts: [(t,) for t in tasks])
    together = _observations(monkeypatch, lambda tasks, parts: [tasks])
    reversed_ = _observations(monkeypatch, lambda tasks, parts: [tuple(reversed(tasks))])
    assert set(alone) == {ex.name for ex in EXERCISES}
    for name in alone:
        assert together[name] == alone[name], name
        assert reversed_[name] == alone[name], name


TASKS = pool.tasks_for({ex.filename: ex.filename for ex in EXERCISES})


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
