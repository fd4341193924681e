"""The reference cache: old files are pruned, the newest and the one just written are kept."""

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
