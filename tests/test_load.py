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
    assert submission.read == ("dropout.py", "hw/batchnorm.py", "hw/helpers.py", "hw/noise.py")
    assert submission.unread == ("hw/old/noise.py",)


def test_exercise_files_come_before_a_notebook_and_the_feedback_says_which_were_read():
    from grader.grade import ExerciseResult, GradingResult
    from grader.report.feedback_md import feedback_markdown

    submission = from_files("s", Path("."), {"dropout.py": b"D", "noise.py": b"N", "work.ipynb": b"{}"})
    assert submission.read == ("dropout.py", "noise.py") and submission.unread == ("work.ipynb",)
    result = GradingResult("s", [ExerciseResult("Dropout", [])],
                           {"read": list(submission.read), "unread": list(submission.unread)})
    text = feedback_markdown(result)
    assert "Graded from: dropout.py, noise.py" in text and "Not read: work.ipynb (the exercise files come first" in text
    assert "읽지 않은 파일: work.ipynb" in feedback_markdown(result, lang="ko")
    alone = from_files("s", Path("."), {"sub/work.py": b"class Dropout: pass"})
    assert alone.read == ("sub/work.py",) and alone.unread == ()
