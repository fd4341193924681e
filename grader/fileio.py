"""Writes that never leave half a file behind (a kill -9 loses nothing already written)."""

from __future__ import annotations

import os
import stat
import tempfile
import zipfile
from pathlib import Path


# Caches and editor leftovers that never ship in a zip the kit builds.
_NOT_SHIPPED = {"__pycache__", ".ipynb_checkpoints"}


def shipped_files(root: Path) -> list[Path]:
    """The files under ``root`` that a bundle or autograder zip carries, sorted."""
    return sorted(p for p in root.rglob("*") if p.is_file() and not _NOT_SHIPPED & set(p.parts))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp's 0600 would make results unreadable to others
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_zip_atomic(path: Path, files: dict[str, tuple[bytes, int]]) -> None:
    """A zip of ``files`` (name -> (content, permission bits)), written via a temporary file and rename.

    Entries are sorted and carry a fixed timestamp, so the same files always give the same bytes.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name in sorted(files):
                content, mode = files[name]
                info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = (stat.S_IFREG | mode) << 16  # unzip restores the modes
                archive.writestr(info, content)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
