"""The reference cache: its key, and old files pruned while the newest and the one just written are kept."""

from __future__ import annotations

import os

from grader import reference


def test_prune_keeps_the_file_just_written_and_the_newest_others(tmp_path):
    files = []
    for age in range(8):
        path = tmp_path / f"reference-{age:020d}.json"
        path.write_text("{}")
        os.utime(path, (1_000_000 - age, 1_000_000 - age))  # reference-0… is the newest
        files.append(path)
    other = tmp_path / "unrelated.json"
    other.write_text("{}")
    written = files[-1]  # the oldest mtime, but the one this run needs
    reference._prune(tmp_path, keep=written)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert written.exists() and other.exists()
    assert [p.name for p in files[:reference._KEEP_REFERENCES - 1]] == sorted(left)[:reference._KEEP_REFERENCES - 1]
    assert len(list(tmp_path.glob("reference-*.json"))) == reference._KEEP_REFERENCES


def test_the_reference_key_changes_with_keras_tensorflow_and_the_assignment(monkeypatch):
    from conftest import PACK

    key = reference.cache_key(PACK)
    here = reference.versions()
    for package in ("keras", "tensorflow-cpu" if "tensorflow-cpu" in here else "tensorflow"):
        monkeypatch.setattr(reference, "versions", lambda package=package: {**here, package: "0.0.1"})
        assert reference.cache_key(PACK) != key, package
    monkeypatch.setattr(reference, "versions", lambda: here)
    assert reference.cache_key(PACK) == key
    other = type(PACK)(name="other", title="", exercises=PACK.exercises, folder=PACK.folder)
    assert reference.cache_key(other, PACK.solutions) != key


def test_the_installed_keras_and_tensorflow_are_in_the_pinned_range():
    """README and pyproject pin the versions the references were checked against; this environment has them."""
    import tomllib
    from importlib import metadata

    from grader import KIT_ROOT

    with open(KIT_ROOT / "pyproject.toml", "rb") as handle:
        declared = tomllib.load(handle)["project"]["dependencies"]
    pins = {d.split(";")[0].split(">=")[0].strip(): d.split(";")[0] for d in declared}
    assert "<3.16" in pins["keras"] and "<2.22" in pins["tensorflow-cpu"]
    keras = tuple(int(p) for p in metadata.version("keras").split(".")[:3])
    assert (3, 15, 1) <= keras < (3, 16)
