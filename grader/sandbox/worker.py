"""The worker: imports TensorFlow once, then forks a child per job.

Run as ``python -m grader.sandbox.worker --result-fd N``. Jobs arrive as JSON lines on stdin; each
holds one or more exercise tasks of one submission, which its child runs one after another (a
warm process makes the later ones cheaper). One JSON line per finished task goes to fd N. The child
that runs the student's code never sees fd N: it writes its observations to a pipe of its own,
which this process reads, splits by task, bounds and forwards.

A task never pays for another's trouble: when a child dies, times out or floods the channel, only
the task it was running fails, and the tasks it had not started run again in a fresh child. A child
also stops early, leaving the rest to a fresh one, when a task changed the process's global state.
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
import threading
import time
import traceback
import types
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from grader import settings
from grader.sandbox import wire
from grader.sandbox.scrub import scrub

_GRACE_S = 1.0  # after SIGUSR1 asks a timed-out child where it is, before SIGKILL
# The line a child writes before each task; the prefix is what wire.dumps makes of {"kind": "task", ...}.
_TASK_PREFIX = b'{"kind": "task", '


@dataclass
class _Running:
    job: dict
    pid: int
    fd: int
    workdir: Path
    started: float
    deadline: float
    task: int = -1
    """Index in job["tasks"] of the task the child runs now; -1 before its first."""
    task_started: float = 0.0
    partial: bytearray = field(default_factory=bytearray)
    lines: list = field(default_factory=list)
    task_bytes: int = 0
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

    for probeset in probes.load_all().values():
        for probe in probeset.probes:
            if probe.space is not None:
                probe.space.configurations()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--result-fd", type=int, required=True)
    parser.add_argument("--parallel", type=int, default=1)
    parser.add_argument("--scratch", required=True)
    parser.add_argument("--pid-namespace", action="store_true",
                        help="the worker runs in its own pid namespace: leftover processes may be swept")
    args = parser.parse_args(argv)
    _preload()
    _Worker(args).serve()
    # Every result is written; skipping the interpreter's teardown of TensorFlow saves about a second.
    sys.stdout.flush()
    os._exit(0)


class _Worker:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.results = os.fdopen(args.result_fd, "wb", buffering=0)
        self.scratch = Path(args.scratch)
        self.pending: list[dict] = []
        self.running: dict[int, _Running] = {}
        self.forks = 0

    def serve(self) -> None:
        stdin_open = True
        inbox = bytearray()
        while stdin_open or self.pending or self.running:
            while self.pending and len(self.running) < max(1, self.args.parallel):
                state = self._start(self.pending.pop(0))
                self.running[state.fd] = state
            read_fds = [s.fd for s in self.running.values() if s.pipe_open]
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
                            self.pending.append(json.loads(line))
                else:
                    self._read(self.running[fd])
            now = time.monotonic()
            for fd, state in list(self.running.items()):
                self._supervise(state, now)
                if state.status is not None:
                    del self.running[fd]
                    if self.args.pid_namespace and _sweep({s.pid for s in self.running.values()}):
                        state.leftovers = True
                    self._finish(state)

    def _start(self, job: dict) -> _Running:
        self.forks += 1
        workdir = self.scratch / f"{job['id']}-{self.forks}"
        workdir.mkdir(parents=True, exist_ok=True)
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            try:
                os.close(read_fd)
                for fd in [self.args.result_fd, 0, *self.running]:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
                _child(job, write_fd, workdir)
            finally:
                os._exit(70)
        os.close(write_fd)
        os.set_blocking(read_fd, False)
        now = time.monotonic()
        return _Running(job, pid, read_fd, workdir, now, now + float(job["timeout"]), task_started=now)

    def _read(self, state: _Running) -> None:
        try:
            chunk = os.read(state.fd, 1 << 20)
        except BlockingIOError:
            return
        if not chunk:
            state.pipe_open = False
            return
        state.partial.extend(chunk)
        state.task_bytes += len(chunk)
        if b"\n" not in chunk:
            complete = []
        else:
            *complete, rest = bytes(state.partial).split(b"\n")
            state.partial[:] = rest
        for line in complete:
            if line.startswith(_TASK_PREFIX) and self._next_task(state, line):
                continue
            state.lines.append(line)
        if state.task_bytes > settings.MAX_OBSERVATION_BYTES:
            state.overflow = True
            state.pipe_open = False
            _kill_group(state.pid)

    def _next_task(self, state: _Running, line: bytes) -> bool:
        """A child's announcement of its next task: the previous one is complete. False if not genuine."""
        try:
            index = json.loads(line).get("index")
        except (ValueError, AttributeError):
            return False
        if index != state.task + 1 or index >= len(state.job["tasks"]):
            return False  # forwarded as a message, which the grader reads as a corrupted channel
        if state.task >= 0:
            self._report(state, {"code": 0})
        state.task = index
        state.lines = []
        state.task_bytes = 0
        state.task_started = time.monotonic()
        state.deadline = state.task_started + float(state.job["timeout"])
        return True

    def _supervise(self, state: _Running, now: float) -> None:
        if state.status is None:
            pid, status = os.waitpid(state.pid, os.WNOHANG)
            if pid:
                state.status = status
        if state.status is not None:
            # The child is gone: end whatever it left running, then take what it wrote.
            state.leftovers = _group_alive(state.pid)
            _kill_group(state.pid)
            while state.pipe_open:
                before = len(state.partial) + len(state.lines)
                self._read(state)
                if len(state.partial) + len(state.lines) == before:
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

    def _finish(self, state: _Running) -> None:
        """The child has ended: its current task gets how it ended; tasks it never began go to a fresh child."""
        if state.partial:
            state.lines.append(bytes(state.partial))
        status = state.status or 0
        exit_info = {"signal": os.WTERMSIG(status)} if os.WIFSIGNALED(status) else {"code": os.WEXITSTATUS(status)}
        state.task = max(state.task, 0)  # a child that died before its first task failed that task
        self._report(state, exit_info, state.timed_out, state.overflow, state.leftovers)
        rest = state.job["tasks"][state.task + 1:]
        if rest:
            self.pending.insert(0, {**state.job, "tasks": rest})
        # The scratch is memory inside the sandbox: a class of 200 would otherwise keep every job's files.
        shutil.rmtree(state.workdir, ignore_errors=True)

    def _report(self, state: _Running, exit_info: dict, timed_out: bool = False, overflow: bool = False,
                leftovers: bool = False) -> None:
        task = state.job["tasks"][state.task]
        output_path = state.workdir / f"output-{state.task}.txt"
        try:
            with open(output_path, "rb") as handle:
                output = handle.read(settings.STDOUT_KEEP_CHARS * 4).decode("utf-8", "replace")
            output_path.unlink()
        except OSError:
            output = ""
        report = {
            "id": state.job["id"],
            "exercise": task["exercise"],
            "messages": [line.decode("utf-8", "replace") for line in state.lines],
            "exit": exit_info,
            "timed_out": timed_out,
            "overflow": overflow,
            "leftovers": leftovers,
            "output": output[: settings.STDOUT_KEEP_CHARS],
            "output_truncated": len(output) > settings.STDOUT_KEEP_CHARS,
            "seconds": round(time.monotonic() - state.task_started, 3),
        }
        self.results.write(json.dumps(report).encode() + b"\n")


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


def _limit(job: dict, tasks: int) -> None:
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
    cpu = int(job["cpu_limit"]) * tasks  # per task; the wall-clock timeout bounds each one
    cap(resource.RLIMIT_CPU, cpu, cpu + 5)  # SIGXCPU first, SIGKILL 5 s later
    if job.get("nproc_limit"):
        cap(resource.RLIMIT_NPROC, int(job["nproc_limit"]))
    cap(resource.RLIMIT_FSIZE, settings.MAX_FILE_BYTES)
    cap(resource.RLIMIT_CORE, 0)


def _child(job: dict, out_fd: int, workdir: Path) -> None:
    os.setsid()  # its own session and process group, so everything it starts can be found and killed
    out_fd_file = os.fdopen(out_fd, "wb", buffering=0)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the cap fail instead of killing
    os.chdir(workdir)
    sys.dont_write_bytecode = True

    def send(message: dict) -> None:
        out_fd_file.write(wire.dumps(message))

    source = ""  # the student's file of the task running now
    signal.signal(signal.SIGUSR1, lambda _sig, frame: send({"kind": "where", "where": _where_frame(frame, source)}))

    import tensorflow as tf

    threads = int(job.get("threads", 0))
    if threads:
        tf.config.threading.set_intra_op_parallelism_threads(threads)
        tf.config.threading.set_inter_op_parallelism_threads(threads)
    import keras

    from grader.exercises import exercise
    from grader.probes import tripwire

    tasks = job["tasks"]
    tripwire.install(tuple(dict.fromkeys(n for t in tasks for n in exercise(t["exercise"]).forbidden)))
    sys.meta_path.insert(0, _MemorySource(job["sources"]))
    _limit(job, len(tasks))
    watched = [name for name in sys.modules if name in _WATCHED_MODULES or name.startswith("grader.")]
    baseline = _global_state(tf, keras, watched)
    for index, task in enumerate(tasks):
        if index and _global_state(tf, keras, watched) != baseline:
            break  # the last task changed what the next would run in: a fresh child runs the rest
        send({"kind": "task", "index": index})
        _capture_output(workdir / f"output-{index}.txt")
        source = f"{settings.SUBMISSION_MOUNT}/{task['module']}"
        _run_task(task, job, source, send, workdir)
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(0)


def _capture_output(path: Path) -> None:
    """Point stdout and stderr at this task's own file."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    capture = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(capture, 1)
    os.dup2(capture, 2)
    os.close(capture)
    sys.stdout = os.fdopen(1, "w", buffering=1, errors="replace", closefd=False)
    sys.stderr = os.fdopen(2, "w", buffering=1, errors="replace", closefd=False)


def _run_task(task: dict, job: dict, source: str, send, workdir: Path) -> None:
    import numpy as np  # loaded already: these imports only bind the names
    import tensorflow as tf
    import keras

    from grader import probes
    from grader.probes import tripwire

    module_name = Path(task["module"]).stem
    send({"kind": "stage", "stage": "import"})
    try:
        module = importlib.import_module(module_name)
    except BaseException as exc:  # noqa: BLE001 - SystemExit at import is a student error too
        send({"kind": "fatal", "stage": "import", "error": summarize(exc, source, job)})
        return
    cls = getattr(module, task["class"], None)
    if not isinstance(cls, type):
        found = sorted(n for n, v in vars(module).items() if isinstance(v, type) and v.__module__ == module.__name__)
        send({"kind": "fatal", "stage": "class", "error": {"type": "MissingClass", "message": task["class"], "found": found}})
        return
    tripwire.start(source)
    chosen = task.get("probes")
    for probe in probes.PROBESETS[task["exercise"]].probes:
        if chosen is not None and probe.name not in chosen:
            continue
        send({"kind": "start", "probe": probe.name})
        _reseed(keras, settings.PROBE_SEED + zlib.crc32(f"{task['exercise']}/{probe.name}".encode()))
        rng = np.random.default_rng(settings.PROBE_SEED + zlib.crc32(probe.name.encode()))
        context = probes.ProbeContext(cls=cls, module=module, rng=rng, tf=tf, keras=keras, scratch=workdir,
                                      explain=lambda exc: summarize(exc, source, job))
        try:
            value = probe.func(context)
        except BaseException as exc:  # noqa: BLE001 - any failure of the student's code is an observation
            send({"kind": "error", "probe": probe.name, "error": summarize(exc, source, job)})
            continue
        send({"kind": "obs", "probe": probe.name, "value": value})
    send({"kind": "obs", "probe": tripwire.OBSERVATION, "value": tripwire.report()})
    send({"kind": "done"})


def _reseed(keras, seed: int) -> None:
    """keras.utils.set_random_seed, without TensorFlow's flush of its kernel cache.

    The flush restarts stateful random kernels (``tf.random.normal`` without a seed) and costs about a
    third of the probes' time, since every kernel is then built again. A global seed of its own per
    probe gives those ops new op seeds, hence new kernels, so each probe still sees fresh random streams
    whatever ran before it in the process: results stay independent of how tasks are grouped.
    """
    from tensorflow.python import pywrap_tfe

    seed %= 2**31
    flush = getattr(pywrap_tfe, "TFE_ContextClearCaches", None)
    if flush is None:  # another TensorFlow: the plain way, slower but the same streams
        keras.utils.set_random_seed(seed)
        return
    pywrap_tfe.TFE_ContextClearCaches = lambda _handle: None
    try:
        keras.utils.set_random_seed(seed)
    finally:
        pywrap_tfe.TFE_ContextClearCaches = flush


# Modules whose functions student code might replace; a replacement would leak into the next task.
_WATCHED_MODULES = ("builtins", "numpy", "numpy.random", "numpy.linalg", "numpy.testing", "tensorflow",
                    "tensorflow.nn", "tensorflow.math", "tensorflow.random", "tensorflow.linalg", "keras",
                    "keras.ops", "keras.layers", "keras.random", "keras.regularizers", "keras.initializers",
                    "keras.backend", "keras.utils")


def _global_state(tf, keras, watched: list[str]) -> tuple:
    """What one task could change that would alter the next: configuration, patched functions, live threads."""
    import numpy as np

    state = [keras.config.floatx(), keras.config.epsilon(), keras.config.image_data_format(),
             keras.mixed_precision.global_policy().name, tf.config.functions_run_eagerly(),
             keras.config.is_traceback_filtering_enabled(), str(np.geterr()), os.getcwd(),
             threading.active_count(), _other_processes(), tuple(sys.meta_path)]
    classes = (keras.layers.Layer, keras.Model, keras.Variable, keras.regularizers.Regularizer, tf.Variable,
               tf.GradientTape, keras.optimizers.Optimizer)
    spaces = [vars(cls) for cls in classes]
    spaces += [vars(sys.modules[name]) for name in watched if name != "grader.probes.tripwire"
               and isinstance(sys.modules.get(name), types.ModuleType)]
    for space in spaces:
        state.append(hash(tuple((key, id(value)) for key, value in list(space.items())
                                if callable(value) or isinstance(value, types.ModuleType))))
    return tuple(state)


def _other_processes() -> int:
    """Processes in this child's session besides itself: what the student's code started."""
    me, count = os.getpid(), 0
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if entry.isdigit() and int(entry) != me:
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    if int(handle.read().rsplit(")", 1)[1].split()[3]) == me:  # its session id
                        count += 1
            except (OSError, IndexError, ValueError):
                continue
    return count


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
        summary["trace"] = scrub("".join(traceback.format_exception_only(type(exc), exc)))[-400:]
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
    head = scrub(_KERAS_HEADER.sub("", _TF_NODE.sub("", _ANSI.sub("", head)))).strip()
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
    main()
