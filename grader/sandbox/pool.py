"""The grader's side of the sandbox: start a worker, send jobs, read typed results."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from grader import KIT_ROOT, settings
from grader.sandbox import isolation, wire


class GraderError(RuntimeError):
    """The grader itself could not do its job (not the student's fault)."""


@dataclass(frozen=True)
class ProbeError:
    """An exception raised by the student's code while a probe ran."""

    type: str
    message: str
    where: str | None = None
    """``Class.method (file.py, line N)``: the deepest line of the student's file involved."""
    probe_failure: bool = False
    """True when the probe itself described what the code did wrong (message is for the student)."""

    def describe(self) -> str:
        if self.probe_failure:
            return self.message
        text = f"{self.type}: {self.message}" if self.message else self.type
        text = f"{text} — in {self.where}" if self.where else text
        meaning = error_meaning(self.message)
        return f"{text} What this error usually means: {meaning}" if meaning else text


# TensorFlow's and Keras's messages name an op, not what the student's code did: the usual cause of each.
_ERROR_KINDS = (
    ("base_config", re.compile(r"does not implement get_config")),
    ("variable", re.compile(r"only supports singleton tf\.Variables|tf\.Variable is only created once")),
    ("dtype", re.compile(r"expected to be a (float|double|half) tensor but is a (float|double|half) tensor"
                         r"|must be the same type|cannot compute \w+ as input #\d+.*was expected to be a")),
    ("broadcast", re.compile(r"Incompatible shapes|required broadcastable shapes|Dimensions must be equal"
                             r"|not broadcastable|cannot broadcast|Can not squeeze dim")),
    ("axis", re.compile(r"Invalid axis|Invalid reduction dimension|axis .* is out of bounds"
                        r"|out of range for a tensor of rank")),
    ("none_shape", re.compile(r"unsupported operand type\(s\) for .*'NoneType'|None values not supported"
                              r"|partially known TensorShape|Cannot convert .*None")),
)
_MEANINGS = {
    "base_config": "the base class has no get_config to extend (keras.regularizers.Regularizer raises this): build "
                   "the dict of the constructor's arguments yourself, without super().get_config().",
    "variable": "a variable (a keras.random.SeedGenerator, a weight, a tf.Variable) is created on every call; "
                "tf.function allows it on the first trace only. Create it once, in __init__ or build, and reuse it.",
    "dtype": "tensors of two dtypes (float32 and float64) were combined: make constants and random draws in the "
             "dtype of the input (inputs.dtype or self.compute_dtype), not a fixed float32.",
    "broadcast": "two tensors whose shapes do not line up were combined: a statistic, weight or mask is not shaped "
                 "to broadcast against the input for this shape and axis.",
    "axis": "an axis the input does not have was used: compute the axes from the input's rank and `axis` (negative "
            "and list forms included), not from a fixed layout.",
    "none_shape": "a dimension that is unknown while tracing (None, such as the batch size) was used as a number: "
                  "take it from keras.ops.shape(inputs), not from inputs.shape.",
}


def error_meaning(message: str) -> str | None:
    for kind, pattern in _ERROR_KINDS:
        if pattern.search(message):
            return _MEANINGS[kind]
    return None


@dataclass
class ExerciseRun:
    """Everything the worker observed while running one exercise of one submission."""

    exercise: str
    observations: dict[str, Any] = field(default_factory=dict)
    """Probe name -> what it observed (numbers, arrays, dicts of them)."""
    errors: dict[str, ProbeError] = field(default_factory=dict)
    """Probe name -> the exception the student's code raised in it."""
    failure: str | None = None
    """Set when the exercise could not run as a whole: missing file or class, import error, crash, timeout."""
    output: str = ""
    """What the student's code printed (stdout and stderr), truncated."""
    seconds: float = 0.0


@dataclass(frozen=True)
class Task:
    pack: str
    """The assignment the exercise belongs to (grader/packs/<pack>)."""
    exercise: str
    class_name: str
    module: str
    """The file (of the job's ``sources``) that defines the class."""
    cost: float = 1.0
    """Relative running time, to spread one submission's tasks evenly over workers."""
    probes: tuple[str, ...] | None = None
    """The probes to run; None: all of the exercise's."""


@dataclass(frozen=True)
class Job:
    """The exercises of one submission to run."""

    id: str
    tasks: tuple[Task, ...]
    sources: dict[str, str]
    """Every file of the submission, name -> text: the worker imports them from memory."""


def tasks_for(pack, modules: dict[str, str], probes: Callable[[str], tuple[str, ...]] | None = None,
              exercises: Iterable[str] | None = None) -> tuple[Task, ...]:
    """The tasks of every exercise of ``pack`` (a grader.packs.Pack) whose file is present; ``modules``:
    exercise file -> file in the submission.

    ``probes`` gives the probes to run for an exercise (default: all); ``exercises`` keeps only those.
    """
    wanted = set(exercises) if exercises is not None else None
    return tuple(Task(pack.name, ex.name, ex.name, modules[ex.filename], ex.cost, probes(ex.name) if probes else None)
                 for ex in pack.exercises if ex.filename in modules and (wanted is None or ex.name in wanted))


def split_tasks(tasks: tuple[Task, ...], parts: int) -> list[tuple[Task, ...]]:
    """``tasks`` in at most ``parts`` consecutive groups of similar cost (neighbours often share a file)."""
    parts = max(1, min(parts, len(tasks)))
    total = sum(t.cost for t in tasks)
    groups: list[tuple[Task, ...]] = []
    start, spent = 0, 0.0
    for index, task in enumerate(tasks):
        spent += task.cost
        left_groups = parts - len(groups) - 1
        left_tasks = len(tasks) - index - 1
        if left_groups and (spent >= total * (len(groups) + 1) / parts or left_tasks == left_groups):
            groups.append(tasks[start:index + 1])
            start = index + 1
    if start < len(tasks):
        groups.append(tasks[start:])
    return groups


class WorkerPool:
    """One worker process with TensorFlow preloaded; each job runs in a child forked from it."""

    def __init__(self, parallel: int | None = None, timeout: float = settings.EXERCISE_TIMEOUT_S,
                 sandbox: str = settings.SANDBOX):
        self.parallel = max(1, parallel or os.cpu_count() or 1)
        self.timeout = timeout
        # Warning about a weak isolation is the caller's to give (commands that run no student code give none).
        self.mode = isolation.choose(sandbox)
        self.isolated = self.mode.kind == "bwrap"
        self.isolation_note = self.mode.note
        self._uid = os.getuid()
        self._proc: subprocess.Popen | None = None
        self._results = None
        self._scratch: Path | None = None
        self._stderr = None

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        """Start the worker now (it takes seconds to import TensorFlow), so other work can overlap it."""
        if self._proc is not None:
            return
        read_fd, write_fd = os.pipe()
        self._stderr = tempfile.TemporaryFile()
        user = None
        pythonpath = str(KIT_ROOT)
        if self.isolated:
            scratch = f"{isolation.INSIDE_TMP}/work"
        elif self.mode.kind == "unprivileged":
            user = isolation.unprivileged_user()
            self._scratch, copy, work = isolation.unprivileged_folder(user)
            scratch, pythonpath, self._uid = str(work), str(copy), user.uid
        else:
            self._scratch = Path(tempfile.mkdtemp(prefix="grader-worker-"))
            scratch = str(self._scratch)
        env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": scratch,
            "LANG": "C.UTF-8",
            "PYTHONPATH": pythonpath,
            "PYTHONHASHSEED": "0",
            "PYTHONDONTWRITEBYTECODE": "1",
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "TF_ENABLE_ONEDNN_OPTS": "0",  # oneDNN's reordered sums change results run to run
            "KERAS_BACKEND": "tensorflow",
            "CUDA_VISIBLE_DEVICES": os.environ.get("CUDA_VISIBLE_DEVICES", ""),
        }
        if user is not None:
            env["TMPDIR"] = scratch  # the shared /tmp is writable by every user; keep the code's files apart
        argv = [sys.executable, "-m", "grader.sandbox.supervisor", "--result-fd", str(write_fd),
                "--parallel", str(self.parallel), "--scratch", scratch]
        if self.isolated:
            argv = isolation.bwrap_command([*argv, "--pid-namespace"], env)
        switch = {"user": user.uid, "group": user.gid, "extra_groups": []} if user is not None else {}
        self._proc = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=self._stderr,
            pass_fds=(write_fd,),
            env=env,
            cwd=scratch if user is not None else self._scratch or "/",
            start_new_session=True,
            **switch,
        )
        os.close(write_fd)
        self._results = os.fdopen(read_fd, "rb")

    def run(self, jobs: Iterable[Job],
            on_result: Callable[[Job, ExerciseRun], None] | None = None) -> dict[str, dict[str, ExerciseRun]]:
        """Run every job; return job id -> exercise -> ExerciseRun.

        Each child process runs several tasks of one submission in turn, which is cheaper than a child
        per task; a few submissions are split over children so that every core has work.
        """
        jobs = [job for job in jobs if job.tasks]
        if not jobs:
            return {}
        self.start()
        parts = -(-self.parallel // len(jobs))  # ceil: one submission alone still uses every worker
        groups: dict[str, tuple[Job, dict[str, Task]]] = {}
        threads = max(1, (os.cpu_count() or 1) // self.parallel)
        try:
            nproc = _user_tasks(self._uid) + settings.EXTRA_PROCESSES
            for job in jobs:
                for number, tasks in enumerate(split_tasks(job.tasks, parts)):
                    group_id = f"{job.id}-{number}"
                    groups[group_id] = (job, {t.exercise: t for t in tasks})
                    line = {"id": group_id, "sources": job.sources, "timeout": self.timeout, "threads": threads,
                            "tasks": [{"pack": t.pack, "exercise": t.exercise, "class": t.class_name, "module": t.module,
                                       "probes": t.probes} for t in tasks],
                            "memory_limit": settings.MEMORY_LIMIT_BYTES,
                            "cpu_limit": int(max(self.timeout, 1) * settings.CPU_LIMIT_FACTOR),
                            "nproc_limit": nproc}
                    self._proc.stdin.write(json.dumps(line).encode() + b"\n")
            self._proc.stdin.flush()
        except BrokenPipeError as exc:
            raise GraderError(f"the worker process stopped before it took any job:\n{self._stderr_tail()}") from exc
        runs: dict[str, dict[str, ExerciseRun]] = {job.id: {} for job in jobs}
        expected = sum(len(job.tasks) for job in jobs)
        received = 0
        while received < expected:
            line = self._results.readline()
            if not line:
                raise GraderError(f"the worker process stopped unexpectedly:\n{self._stderr_tail()}")
            raw = json.loads(line)
            job, tasks = groups[raw["id"]]
            task = tasks[raw["exercise"]]
            run = parse_run(task, raw, self.timeout)
            runs[job.id][task.exercise] = run
            received += 1
            if on_result is not None:
                on_result(job, run)
        return runs

    def _stderr_tail(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", "replace")[-3000:]

    def close(self) -> None:
        if self._proc is not None:
            if self._proc.stdin is not None:
                try:
                    self._proc.stdin.close()
                except BrokenPipeError:
                    pass
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.send_signal(signal.SIGKILL)
                self._proc.wait()
            self._proc = None
        if self._results is not None:
            self._results.close()
            self._results = None
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None


def _user_tasks(uid: int) -> int:
    """Processes and threads of the worker's user now: RLIMIT_NPROC counts them all, not just the worker's."""
    count = 0
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if entry.isdigit():
            try:
                if os.stat(f"/proc/{entry}").st_uid == uid:
                    count += len(os.listdir(f"/proc/{entry}/task"))
            except OSError:
                continue
    return count


def new_job_id() -> str:
    return uuid.uuid4().hex[:12]


def parse_run(task: Task, raw: dict, timeout: float) -> ExerciseRun:
    """Turn the worker's raw messages for one task into an ExerciseRun; trusts nothing in them."""
    run = ExerciseRun(exercise=task.exercise, output=str(raw.get("output", "")), seconds=float(raw.get("seconds", 0.0)))
    if raw.get("output_truncated"):
        run.output += "\n… (output truncated)"
    current_probe = None
    where = None
    done = False
    corrupt = 0
    for line in raw.get("messages", []):
        try:
            message = wire.loads(line)
        except wire.WireError:
            corrupt += 1
            continue
        kind = message.get("kind")
        probe = str(message.get("probe"))
        if done and kind != "where":
            corrupt += 1  # the harness sends nothing after "done"
        elif kind == "start":
            current_probe = probe
        elif kind in ("obs", "error") and (probe in run.observations or probe in run.errors):
            corrupt += 1  # one result per probe: a second one was written by someone else
        elif kind == "obs":
            run.observations[probe] = message.get("value")
        elif kind == "error":
            run.errors[probe] = probe_error(message.get("error"))
        elif kind == "fatal":
            run.failure = _fatal_text(task, message)
        elif kind == "where":
            where = message.get("where")
        elif kind == "done":
            done = True
        elif kind != "stage":
            corrupt += 1  # a kind the harness never sends
    if run.failure is not None:
        return run
    doing = f" while checking {current_probe!r}" if current_probe else f" while importing {task.module}"
    exit_info = raw.get("exit", {})
    if raw.get("timed_out"):
        place = f" in {where}" if where else ""
        run.failure = f"timed out after {timeout:g} s{place}{doing}: is there an endless loop?"
    elif raw.get("overflow"):
        run.failure = f"the code produced too much data{doing} and was stopped"
    elif not done:
        run.failure = _death_text(exit_info, doing)
    elif raw.get("leftovers"):
        run.failure = ("the code left a background process running after it finished (it was stopped): "
                       "a layer must not start processes or threads that outlive the call")
    if corrupt:
        run.failure = "the observation channel was corrupted: does the code write to file descriptors it did not open?"
    return run


_SIGNALS = {
    "SIGSEGV": "crashed with a segmentation fault (SIGSEGV)",
    "SIGBUS": "crashed with a bus error (SIGBUS)",
    "SIGABRT": "aborted (SIGABRT), often running out of memory inside TensorFlow",
    "SIGXCPU": "was stopped: CPU time limit exceeded",
    "SIGKILL": "was killed (SIGKILL): memory limit or CPU time limit exceeded",
    "SIGFPE": "crashed with an arithmetic error (SIGFPE)",
}


def _death_text(exit_info: dict, doing: str) -> str:
    if "signal" in exit_info:
        number = exit_info["signal"]
        name = signal.Signals(number).name if number in signal.Signals._value2member_map_ else f"signal {number}"
        return f"the worker process {_SIGNALS.get(name, f'was killed by {name}')}{doing}"
    return (f"the worker process exited with status {exit_info.get('code')}{doing}: "
            "did the code call os._exit() or sys.exit()?")


def probe_error(error: Any) -> ProbeError:
    """The exception summary a worker sent (a dict), as a ProbeError; anything malformed reads as such."""
    if not isinstance(error, dict):
        return ProbeError("Error", "unreadable error report")
    return ProbeError(
        type=str(error.get("type", "Error")),
        message=str(error.get("message", ""))[:1000],
        where=error.get("where") if isinstance(error.get("where"), str) else None,
        probe_failure=bool(error.get("probe_failure")),
    )


def _fatal_text(task: Task, message: dict) -> str:
    error = message.get("error") or {}
    if message.get("stage") == "class":
        found = error.get("found") or []
        hint = f" It defines: {', '.join(map(str, found))}." if found else " It defines no class or function."
        return f"{task.module} defines no {task.class_name!r}.{hint}"
    described = probe_error(error).describe()
    return f"importing {task.module} failed: {described}"
