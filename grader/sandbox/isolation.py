"""How the worker is isolated: bubblewrap on Linux, else a plain subprocess (with a warning).

Inside bubblewrap the worker sees a read-only system and Python, the few grader modules it runs
(not solutions/, not the checks, not the reference cache), a private /tmp, no network, its own pid
namespace and only the environment variables set here. The student's files are not mounted at
all: they travel inside the job message.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

from grader import KIT_ROOT

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


class SandboxUnavailable(RuntimeError):
    """bubblewrap was asked for and cannot run here."""


@functools.lru_cache(maxsize=1)
def bwrap_problem() -> str | None:
    """None when bubblewrap works here; otherwise why it does not."""
    if not sys.platform.startswith("linux"):
        return f"bubblewrap needs Linux (this is {sys.platform})"
    path = shutil.which("bwrap")
    if path is None:
        return "bubblewrap (bwrap) is not installed: apt-get install bubblewrap"
    try:
        # The mounts the worker's command needs too: inside some containers only --proc is refused.
        probe = subprocess.run([path, "--unshare-all", "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev", "true"],
                               capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bubblewrap could not start: {exc}"
    if probe.returncode != 0:
        return f"bubblewrap could not create namespaces: {probe.stderr.strip()[:300]}"
    return None


def _python_roots() -> list[Path]:
    roots = {Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve(), Path(sys.executable).resolve().parent.parent}
    return sorted(roots)


def bwrap_command(argv: list[str], env: dict[str, str]) -> list[str]:
    """``argv`` wrapped in bubblewrap with the mounts and environment described above."""
    command = [shutil.which("bwrap") or "bwrap", "--unshare-all", "--die-with-parent", "--new-session",
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
