"""Which files of an upload hold the classes."""

from __future__ import annotations

from pathlib import Path

from grader.load import from_files


def test_a_repository_made_from_the_bundle_is_graded_from_its_assignment_files():
    # The kit's own package has files named like the exercises: they must never be taken for the student's.
    files = {"grader/__init__.py": b"", "grader/checks/dropout.py": b"kit", "grader/probes/noise.py": b"kit",
             "grader/checks/batchnorm.py": b"kit", "assignments/regularization/dropout.py": b"mine",
             "assignments/regularization/noise.py": b"mine"}
    submission = from_files("repo", Path("."), files)
    assert set(submission.modules) == {"dropout.py", "noise.py"}
    assert set(submission.sources.values()) == {"mine"}


def test_the_folder_with_most_exercise_files_wins_and_strays_are_still_found():
    files = {"hw/noise.py": b"N", "hw/batchnorm.py": b"B", "hw/helpers.py": b"H", "hw/old/noise.py": b"OLD",
             "dropout.py": b"D"}
    submission = from_files("s", Path("."), files)
    assert submission.sources == {"noise.py": "N", "batchnorm.py": "B", "helpers.py": "H", "dropout.py": "D"}
    assert set(submission.modules) == {"noise.py", "batchnorm.py", "dropout.py"}
