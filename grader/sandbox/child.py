"""The child's life: forked from the supervisor for one job, it limits itself, imports the student's
files from memory and runs each task's probes, sending observations over its own pipe.
"""

from __future__ import annotations

import importlib
import inspect
import os
import signal
import sys
import threading
import types
import zlib
from pathlib import Path

from grader import settings
from grader.sandbox import wire
from grader.sandbox.importer import MemorySource
from grader.sandbox.summary import summarize, where_frame


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


def run_child(job: dict, out_fd: int, workdir: Path) -> None:
    os.setsid()  # its own session and process group, so everything it starts can be found and killed
    out_fd_file = os.fdopen(out_fd, "wb", buffering=0)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the cap fail instead of killing
    os.chdir(workdir)
    sys.dont_write_bytecode = True

    def send(message: dict) -> None:
        out_fd_file.write(wire.dumps(message))

    source = ""  # the student's file of the task running now
    signal.signal(signal.SIGUSR1, lambda _sig, frame: send({"kind": "where", "where": where_frame(frame, source)}))

    import tensorflow as tf

    threads = int(job.get("threads", 0))
    if threads:
        tf.config.threading.set_intra_op_parallelism_threads(threads)
        tf.config.threading.set_inter_op_parallelism_threads(threads)
    import keras

    from grader import packs
    from grader.probes import tripwire

    tasks = job["tasks"]
    forbidden = (n for t in tasks for n in packs.get(t["pack"]).exercise(t["exercise"]).forbidden)
    tripwire.install(tuple(dict.fromkeys(forbidden)))
    sys.meta_path.insert(0, MemorySource(job["sources"]))
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

    from grader import packs, probes
    from grader.probes import tripwire

    module_name = Path(task["module"]).stem
    send({"kind": "stage", "stage": "import"})
    try:
        module = importlib.import_module(module_name)
    except BaseException as exc:  # noqa: BLE001 - SystemExit at import is a student error too
        send({"kind": "fatal", "stage": "import", "error": summarize(exc, source, job)})
        return
    cls = getattr(module, task["class"], None)
    if not (isinstance(cls, type) or inspect.isfunction(cls)):  # an exercise is a class, or a function
        found = sorted(n for n, v in vars(module).items()
                       if (isinstance(v, type) or inspect.isfunction(v)) and v.__module__ == module.__name__)
        send({"kind": "fatal", "stage": "class", "error": {"type": "MissingClass", "message": task["class"], "found": found}})
        return
    tripwire.start(source)
    chosen = task.get("probes")
    for probe in probes.load(packs.get(task["pack"]))[task["exercise"]].probes:
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
