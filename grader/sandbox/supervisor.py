"""The worker: imports TensorFlow once, then forks a child per job.

Run as ``python -m grader.sandbox.supervisor --result-fd N``. Jobs arrive as JSON lines on stdin; each
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
import json
import os
import select
import shutil
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from grader import settings
from grader.sandbox.child import run_child

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

    from grader import packs, probes

    for pack in packs.all_packs().values():
        for probeset in probes.load(pack).values():
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
                run_child(job, write_fd, workdir)
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


if __name__ == "__main__":
    main()
