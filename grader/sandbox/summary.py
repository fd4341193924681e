"""What a student needs to read of an exception raised by their code: type, message, their line."""

from __future__ import annotations

import errno
import re
import traceback
from pathlib import Path

from grader import settings
from grader.sandbox.scrub import scrub


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


def where_frame(frame, source: str) -> str | None:
    while frame is not None:
        if frame.f_code.co_filename == source:
            return _frame_text(frame, frame.f_lineno, source)
        frame = frame.f_back
    return None
