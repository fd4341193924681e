"""The worker: imports TensorFlow once, then forks one child per exercise job.

Run as ``python -m grader.sandbox.worker --result-fd N``. Jobs arrive as JSON
lines on stdin; one JSON line per finished job goes to fd N. The child that
runs the student's code never sees fd N: it writes its observations to a pipe
of its own, which this process reads, bounds and forwards.
"""

from __future__ import annotations

import argparse
import errno
import importlib.abc
import importlib.util
import json
import linecache
import os
import re
import select
import shutil
import signal
import sys
import time
import traceback
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from grader import settings
from grader.sandbox import wire

_GRACE_S = 1.0  # after SIGUSR1 asks a timed-out child where it is, before SIGKILL


@dataclass
class _Running:
    job: dict
    pid: int
    fd: int
    output_path: Path
    started: float
    deadline: float
    data: bytearray = field(default_factory=bytearray)
    pipe_open: bool = True
    timed_out: bool = False
    killed_at: float | None = None
    status: int | None = None
    overflow: bool = False
    leftovers: bool = False


def _preload() -> None:
    """Import what every job needs before forking, so each child starts warm."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import numpy  # noqa: F401
    import tensorflow as tf

    tf.get_logger().setLevel("ERROR")
    import keras  # noqa: F401

    from grader import probes

    probes.load_all()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--result-fd", type=int, required=True)
    parser.add_argument("--parallel", type=int, default=1)
    parser.add_argument("--scratch", required=True)
    parser.add_argument("--pid-namespace", action="store_true",
                        help="the worker runs in its own pid namespace: leftover processes may be swept")
    args = parser.parse_args(argv)
    _preload()
    results = os.fdopen(args.result_fd, "wb", buffering=0)
    scratch = Path(args.scratch)
    pending: list[dict] = []
    running: dict[int, _Running] = {}
    stdin_open = True
    inbox = bytearray()
    while stdin_open or pending or running:
        while pending and len(running) < max(1, args.parallel):
            job = pending.pop(0)
            state = _start(job, scratch, args.result_fd, running)
            running[state.fd] = state
        read_fds = [s.fd for s in running.values() if s.pipe_open]
        if stdin_open:
            read_fds.append(0)
        ready, _, _ = select.select(read_fds, [], [], 0.02)
        for fd in ready:
            if fd == 0:
                chunk = os.read(0, 65536)
                if not chunk:
                    stdin_open = False
                inbox.extend(chunk)
                while b"\n" in inbox:
                    line, _, rest = bytes(inbox).partition(b"\n")
                    inbox[:] = rest
                    if line.strip():
                        pending.append(json.loads(line))
            else:
                _read(running[fd])
        now = time.monotonic()
        for fd, state in list(running.items()):
            _supervise(state, now)
            if state.status is not None:
                del running[fd]
                if args.pid_namespace and _sweep({s.pid for s in running.values()}):
                    state.leftovers = True
                results.write(json.dumps(_finish(state)).encode() + b"\n")
    return 0


def _start(job: dict, scratch: Path, result_fd: int, running: dict[int, _Running]) -> _Running:
    workdir = scratch / job["id"]
    workdir.mkdir(parents=True, exist_ok=True)
    output_path = workdir / "output.txt"
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        try:
            os.close(read_fd)
            for fd in [result_fd, 0, *running]:
                try:
                    os.close(fd)
                except OSError:
                    pass
            _child(job, write_fd, workdir, output_path)
        finally:
            os._exit(70)
    os.close(write_fd)
    os.set_blocking(read_fd, False)
    now = time.monotonic()
    return _Running(job, pid, read_fd, output_path, now, now + float(job["timeout"]))


def _read(state: _Running) -> None:
    try:
        chunk = os.read(state.fd, 1 << 20)
    except BlockingIOError:
        return
    if not chunk:
        state.pipe_open = False
        return
    state.data.extend(chunk)
    if len(state.data) > settings.MAX_OBSERVATION_BYTES:
        state.overflow = True
        state.pipe_open = False
        _kill_group(state.pid)


def _supervise(state: _Running, now: float) -> None:
    if state.status is None:
        pid, status = os.waitpid(state.pid, os.WNOHANG)
        if pid:
            state.status = status
    if state.status is not None:
        # The child is gone: end whatever it left running, then take what it wrote.
        state.leftovers = _group_alive(state.pid)
        _kill_group(state.pid)
        while state.pipe_open:
            before = len(state.data)
            _read(state)
            if len(state.data) == before:
                break
        os.close(state.fd)
        state.pipe_open = False
        return
    if not state.timed_out and now > state.deadline:
        state.timed_out = True
        state.killed_at = now + _GRACE_S
        try:
            os.kill(state.pid, signal.SIGUSR1)
        except ProcessLookupError:
            pass
    elif state.timed_out and state.killed_at is not None and now > state.killed_at:
        _kill_group(state.pid)
        state.killed_at = None


def _sweep(live_sessions: set[int]) -> int:
    """Kill processes a finished job left behind, even those that started a session of their own.

    Only inside the sandbox's pid namespace, where every process but init and this one belongs to a job.
    A process descending from a job still running belongs to that job and is spared.
    """
    me = os.getpid()
    keep = {me, os.getsid(0), *live_sessions}
    table: dict[int, tuple[int, int, str]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
                table[int(entry)] = (int(fields[1]), int(fields[3]), fields[0])  # ppid, session id, state
            except (OSError, IndexError, ValueError):
                continue

    def owned_by_running_job(pid: int) -> bool:
        seen = set()
        while pid in table and pid not in seen and pid > 1:
            if pid in live_sessions or table[pid][1] in keep:
                return True
            seen.add(pid)
            pid = table[pid][0]
        return False

    killed = 0
    for pid, (_, _, state) in table.items():
        if pid in (1, me) or state == "Z" or owned_by_running_job(pid):
            continue
        try:
            os.kill(pid, signal.SIGKILL)
            killed += 1
        except OSError:
            continue
    return killed


def _group_alive(pid: int) -> bool:
    try:
        os.killpg(pid, 0)
        return True
    except (ProcessLookupError, PermissionError):
        return False


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _finish(state: _Running) -> dict:
    status = state.status or 0
    exit_info = (
        {"signal": os.WTERMSIG(status)} if os.WIFSIGNALED(status) else {"code": os.WEXITSTATUS(status)}
    )
    try:
        with open(state.output_path, "rb") as handle:
            output = handle.read(settings.STDOUT_KEEP_CHARS * 4).decode("utf-8", "replace")
    except OSError:
        output = ""
    # The scratch is memory inside the sandbox: a class of 200 would otherwise keep every job's files.
    shutil.rmtree(state.output_path.parent, ignore_errors=True)
    return {
        "id": state.job["id"],
        "messages": bytes(state.data).decode("utf-8", "replace").splitlines(),
        "exit": exit_info,
        "timed_out": state.timed_out,
        "overflow": state.overflow,
        "leftovers": state.leftovers,
        "output": output[: settings.STDOUT_KEEP_CHARS],
        "output_truncated": len(output) > settings.STDOUT_KEEP_CHARS,
        "seconds": round(time.monotonic() - state.started, 3),
    }


# --- inside the child -------------------------------------------------------------------------


class _MemorySource(importlib.abc.Loader, importlib.abc.MetaPathFinder):
    """Serves the submission's files from the job message: they never touch the worker's disk."""

    def __init__(self, sources: dict[str, str]):
        self.paths = {Path(name).stem: f"{settings.SUBMISSION_MOUNT}/{name}" for name in sources}
        self.texts = {Path(name).stem: text for name, text in sources.items()}
        for stem, path in self.paths.items():
            lines = self.texts[stem].splitlines(keepends=True)
            linecache.cache[path] = (len(self.texts[stem]), None, lines, path)

    def find_spec(self, fullname, path=None, target=None):
        if fullname in self.paths:
            return importlib.util.spec_from_loader(fullname, self, origin=self.paths[fullname])
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.__file__ = self.paths[module.__name__]
        exec(compile(self.texts[module.__name__], module.__file__, "exec"), module.__dict__)


def _limit(job: dict) -> None:
    """rlimits for the student's code: address space, CPU time, processes, file size, no core dumps."""
    import resource

    def cap(kind: int, soft: int, hard: int | None = None) -> None:
        # The hard limit goes down too, so the student's code cannot raise it again.
        try:
            resource.setrlimit(kind, (soft, soft if hard is None else hard))
        except (ValueError, OSError):
            pass

    with open("/proc/self/statm") as statm:
        in_use = int(statm.read().split()[0]) * resource.getpagesize()
    cap(resource.RLIMIT_AS, in_use + int(job["memory_limit"]))
    cap(resource.RLIMIT_CPU, int(job["cpu_limit"]), int(job["cpu_limit"]) + 5)  # SIGXCPU first, SIGKILL 5 s later
    if job.get("nproc_limit"):
        cap(resource.RLIMIT_NPROC, int(job["nproc_limit"]))
    cap(resource.RLIMIT_FSIZE, settings.MAX_FILE_BYTES)
    cap(resource.RLIMIT_CORE, 0)


def _child(job: dict, out_fd: int, workdir: Path, output_path: Path) -> None:
    os.setsid()  # its own session and process group, so everything it starts can be found and killed
    out_fd_file = os.fdopen(out_fd, "wb", buffering=0)
    capture = os.open(output_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(capture, 1)
    os.dup2(capture, 2)
    os.close(capture)
    sys.stdout = os.fdopen(1, "w", buffering=1, errors="replace")
    sys.stderr = os.fdopen(2, "w", buffering=1, errors="replace")
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the cap fail instead of killing
    os.chdir(workdir)
    sys.dont_write_bytecode = True

    def send(message: dict) -> None:
        out_fd_file.write(wire.dumps(message))

    module_name = Path(job["module"]).stem
    source = f"{settings.SUBMISSION_MOUNT}/{job['module']}"
    signal.signal(signal.SIGUSR1, lambda _sig, frame: send({"kind": "where", "where": _where_frame(frame, source)}))

    import numpy as np
    import tensorflow as tf

    threads = int(job.get("threads", 0))
    if threads:
        tf.config.threading.set_intra_op_parallelism_threads(threads)
        tf.config.threading.set_inter_op_parallelism_threads(threads)
    import keras

    from grader import probes
    from grader.exercises import exercise
    from grader.probes import tripwire

    probeset = probes.PROBESETS[job["exercise"]]
    tripwire.install(exercise(job["exercise"]).forbidden, source)
    sys.meta_path.insert(0, _MemorySource(job["sources"]))
    _limit(job)
    send({"kind": "stage", "stage": "import"})
    try:
        module = importlib.import_module(module_name)
    except BaseException as exc:  # noqa: BLE001 - SystemExit at import is a student error too
        send({"kind": "fatal", "stage": "import", "error": summarize(exc, source, job)})
        return
    cls = getattr(module, job["class"], None)
    if not isinstance(cls, type):
        found = sorted(n for n, v in vars(module).items() if isinstance(v, type) and v.__module__ == module.__name__)
        send({"kind": "fatal", "stage": "class", "error": {"type": "MissingClass", "message": job["class"], "found": found}})
        return
    tripwire.start()
    for probe in probeset.probes:
        send({"kind": "start", "probe": probe.name})
        keras.utils.set_random_seed(settings.PROBE_SEED)
        rng = np.random.default_rng(settings.PROBE_SEED + zlib.crc32(probe.name.encode()))
        context = probes.ProbeContext(cls=cls, module=module, rng=rng, tf=tf, keras=keras, scratch=workdir)
        try:
            value = probe.func(context)
        except BaseException as exc:  # noqa: BLE001 - any failure of the student's code is an observation
            send({"kind": "error", "probe": probe.name, "error": summarize(exc, source, job)})
            continue
        send({"kind": "obs", "probe": probe.name, "value": value})
    send({"kind": "obs", "probe": tripwire.OBSERVATION, "value": tripwire.report()})
    send({"kind": "done"})
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def summarize(exc: BaseException, source: str, job: dict | None = None) -> dict:
    """What a student needs of an exception: its type, message and the line of their code."""
    from grader.probes import ProbeFailure

    where = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == source:
            where = _frame_text(tb.tb_frame, tb.tb_lineno, source)
        tb = tb.tb_next
    message = str(exc)
    chain = _chain(exc)  # Keras re-raises a layer's error as a new exception; the original is in the chain
    if isinstance(exc, SystemExit):
        message = f"sys.exit({exc.code!r}) was called"
    elif any(isinstance(e, MemoryError) for e in chain) and job is not None:
        message = f"memory limit of {int(job['memory_limit']) / 2**30:g} GB exceeded"
    elif any(isinstance(e, OSError) and e.errno == errno.EFBIG for e in chain):  # the file-size cap: a flood
        message = f"more than {settings.MAX_FILE_BYTES // 2**20} MB written (a flood of printed output?)"
    summary = {
        "type": type(exc).__name__,
        "message": _short(message),
        "where": where,
        "probe_failure": isinstance(exc, ProbeFailure),
    }
    if not isinstance(exc, ProbeFailure) and where is None:
        summary["trace"] = "".join(traceback.format_exception_only(type(exc), exc))[-400:]
    return summary


def _chain(exc: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    while exc is not None and exc not in found and len(found) < 10:
        found.append(exc)
        exc = exc.__cause__ or exc.__context__
    return found


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_TF_NODE = re.compile(r"\{\{function_node [^}]*\}\}\s*")
_KERAS_HEADER = re.compile(r"^Exception encountered when calling [^\n]*\n+")


def _short(message: str, limit: int = 600) -> str:
    # Keras wraps a layer's error with a header and the arguments it received; TF adds node names.
    head = message.split("\n\nArguments received by", 1)[0]
    head = _KERAS_HEADER.sub("", _TF_NODE.sub("", _ANSI.sub("", head))).strip()
    return head if len(head) <= limit else head[:limit] + " …"


def _frame_text(frame, lineno: int, source: str) -> str:
    name = getattr(frame.f_code, "co_qualname", frame.f_code.co_name)
    return f"{name} ({Path(source).name}, line {lineno})"


def _where_frame(frame, source: str) -> str | None:
    while frame is not None:
        if frame.f_code.co_filename == source:
            return _frame_text(frame, frame.f_lineno, source)
        frame = frame.f_back
    return None


if __name__ == "__main__":
    sys.exit(main())
