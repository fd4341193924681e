"""Without bubblewrap the grader says so once, clearly, and still grades."""

from __future__ import annotations

import pytest

from grader.sandbox import isolation, pool
from grader.sandbox.pool import WorkerPool


def test_fallback_warns_once(monkeypatch, capsys):
    monkeypatch.setattr(isolation, "bwrap_problem", lambda: "bubblewrap (bwrap) is not installed")
    monkeypatch.setattr(pool, "_warned", False)
    first, second = WorkerPool(sandbox="auto"), WorkerPool(sandbox="auto")
    assert not first.isolated and not second.isolated
    err = capsys.readouterr().err
    assert err.count("WARNING: student code runs in a plain subprocess") == 1
    assert "Isolation is weaker" in err


def test_required_sandbox_that_is_missing_is_an_error(monkeypatch):
    monkeypatch.setattr(isolation, "bwrap_problem", lambda: "bubblewrap (bwrap) is not installed")
    with pytest.raises(isolation.SandboxUnavailable):
        WorkerPool(sandbox="bwrap")


def test_unknown_sandbox_mode_is_rejected():
    with pytest.raises(ValueError, match="Invalid value for sandbox"):
        WorkerPool(sandbox="docker")
