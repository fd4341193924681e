"""roster: class folders as LMS downloads (Canvas, Moodle, Gradescope, GitHub Classroom) and the plain layouts.

Each layout is built in tmp_path from its documented naming, with tiny files: discovery reads names and
bytes, it never runs the code.
"""

from __future__ import annotations

import zipfile

import nbformat

from conftest import FILENAMES, PACK
from grader.lms import canvas_name, gradescope_submitters
from grader.load import Submission
from grader.roster import Unreadable, discover, read_roster


def _code(tag: str, filename: str) -> str:
    return f"# {tag} {filename}\n"


def _write_set(folder, tag: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for filename in FILENAMES:
        (folder / filename).write_text(_code(tag, filename))


def _by_id(roster) -> dict[str, Submission | Unreadable]:
    return {entry.name: entry for entry in roster.entries}


def _notebook(path, text: str) -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(text)]
    nbformat.write(notebook, path)


# Canvas: <name>[_LATE]_<user id>_<attachment id>_<file name>, one file per upload.

def test_canvas_file_names_are_read_with_their_resubmission_number():
    person, original, version = canvas_name("leejieun_1234_5678_dropout-1.py")
    assert (person.id, person.name, original, version) == ("1234", "leejieun", "dropout.py", 1)
    assert canvas_name("kim_LATE_77_901_noise.py")[0].id == "77"
    assert canvas_name("kim_77_901_my_noise.py")[1] == "my_noise.py"  # underscores stay in the file name
    assert canvas_name("kim_77_901_model-3.v2.py")[1:] == ("model.v2.py", 3)  # -N goes before the first dot
    assert canvas_name("kim_77_901_my-model-2.py")[1:] == ("my-model.py", 2)
    assert canvas_name("kim_dropout.py") is None and canvas_name("kim_ab_12_dropout.py") is None


def test_canvas_files_with_different_attachment_ids_are_one_student(tmp_path):
    for index, filename in enumerate(FILENAMES):
        (tmp_path / f"kimminji_1001_{500 + index}_{filename}").write_text(_code("kim", filename))
    roster = read_roster(tmp_path, assignment=PACK)
    (entry,) = roster.entries
    assert entry.name == "1001" and set(entry.sources) == set(FILENAMES)
    assert roster.names == {"1001": "kimminji"}
    assert roster.download.lms == "canvas" and (roster.download.students, roster.download.files) == (1, len(FILENAMES))


def test_canvas_latest_resubmission_wins(tmp_path):
    for index, filename in enumerate(FILENAMES):
        (tmp_path / f"leejieun_1234_{600 + index}_{filename}").write_text(_code("first", filename))
    (tmp_path / "leejieun_1234_700_dropout-1.py").write_text(_code("second", "dropout.py"))
    (tmp_path / "leejieun_LATE_1234_701_dropout-2.py").write_text(_code("third", "dropout.py"))
    (tmp_path / "leejieun_1234_702_noise-1.py").write_text(_code("second", "noise.py"))
    roster = read_roster(tmp_path, assignment=PACK)
    (entry,) = roster.entries
    assert entry.name == "1234"
    assert entry.sources["dropout.py"] == _code("third", "dropout.py")
    assert entry.sources["noise.py"] == _code("second", "noise.py")
    assert entry.sources["layernorm.py"] == _code("first", "layernorm.py")
    assert roster.download.files == len(FILENAMES) + 3  # the superseded uploads were read too


def test_canvas_zip_or_notebook_upload_is_the_students_file(tmp_path):
    source = tmp_path / "work"
    _write_set(source, "park")
    klass = tmp_path / "class"
    klass.mkdir()
    with zipfile.ZipFile(klass / "parksoyeon_2002_800_hw3.zip", "w") as archive:
        for path in source.iterdir():
            archive.write(path, f"hw3/{path.name}")
    _notebook(klass / "choiyuna_2003_801_regularization.ipynb", "class Dropout:\n    pass\n")
    (klass / "hanseojun_2004_802_broken.zip").write_text("not a zip")
    roster = read_roster(klass, assignment=PACK)
    book = _by_id(roster)
    assert set(book) == {"2002", "2003", "2004"}
    assert set(book["2002"].sources) == set(FILENAMES)
    assert "class Dropout" in book["2003"].sources["regularization.py"]
    assert isinstance(book["2004"], Unreadable) and "not a readable zip" in book["2004"].reason
    assert roster.names["2004"] == "hanseojun" and roster.people["2004"].id == "2004"


def test_a_stray_file_beside_a_canvas_download_is_read_the_plain_way(tmp_path):
    for user in range(1, 6):
        (tmp_path / f"student{user}_{user}_{90 + user}_regularization.py").write_text(_code("s", str(user)))
    (tmp_path / "example.py").write_text("# the instructor's\n")
    roster = read_roster(tmp_path, assignment=PACK)
    assert roster.download.lms == "canvas" and roster.download.students == 5
    assert set(_by_id(roster)) == {"1", "2", "3", "4", "5", "example"}
    assert "example" not in roster.people and roster.names["example"] == "example"


def test_one_canvas_looking_name_in_a_plain_class_is_not_a_download(tmp_path):
    for student in ("alice", "bob", "carol"):
        (tmp_path / f"{student}.py").write_text(_code(student, "all"))
    (tmp_path / "dave_2024_01_dropout.py").write_text(_code("dave", "dropout.py"))
    roster = read_roster(tmp_path, assignment=PACK)
    assert roster.download is None
    assert set(_by_id(roster)) == {"alice", "bob", "carol", "dave_2024_01"}


# Moodle: <Full Name>_<participant id>_assignsubmission_file_ per student, or flat files with that prefix.

def test_moodle_folders_are_keyed_by_participant_id_and_online_text_is_set_aside(tmp_path):
    _write_set(tmp_path / "Kim Minji_123456_assignsubmission_file_", "kim")
    _write_set(tmp_path / "Lee Jieun_123457_assignsubmission_file_" / "hw", "lee")
    online = tmp_path / "Kim Minji_123456_assignsubmission_onlinetext_"
    online.mkdir()
    (online / "onlinetext.html").write_text("<p>see my files</p>")
    roster = read_roster(tmp_path, assignment=PACK)
    book = _by_id(roster)
    assert set(book) == {"123456", "123457"}
    assert book["123457"].sources["dropout.py"] == _code("lee", "dropout.py")
    assert roster.names == {"123456": "Kim Minji", "123457": "Lee Jieun"}
    assert roster.download.lms == "moodle" and roster.download.students == 2
    assert roster.download.files == 2 * len(FILENAMES)


def test_moodle_flat_files_are_gathered_per_participant(tmp_path):
    for filename in FILENAMES:
        (tmp_path / f"Park Soyeon_222_assignsubmission_file_{filename}").write_text(_code("park", filename))
    (tmp_path / "Park Soyeon_222_assignsubmission_file_report.pdf").write_bytes(b"%PDF-")
    (tmp_path / "Park Soyeon_222_assignsubmission_onlinetext_onlinetext.html").write_text("<p>hi</p>")
    roster = read_roster(tmp_path, assignment=PACK)
    (entry,) = roster.entries
    assert entry.name == "222" and set(entry.sources) == set(FILENAMES)
    assert roster.people["222"].name == "Park Soyeon"


# Gradescope: submission_metadata.yml plus submission_<id>/ folders.

_METADATA = """\
---
submission_9001:
  :submitters:
  - :name: Kim Minji
    :sid: '20231234'
    :email: minji@example.edu
  :created_at: 2026-11-20 10:00:00.000000000 +09:00
  :score: 12.0
  :history:
  - :id: 8999
    :submitters:
    - :name: Someone Else
      :sid: '1'
  :results:
    :tests:
    - :name: "Dropout: inference"
      :output: |-
        submission_0:
        nested text
submission_9002:
  :submitters:
  - :name: "O'Brien \\"Pat\\""
    :email: "pat@example.edu"
  - :name: 'Lee ''Jay'''
    :sid: '20231235'
"""


def test_gradescope_metadata_reader_takes_each_submissions_own_submitters():
    found = gradescope_submitters(_METADATA)
    assert found["submission_9001"] == [{"name": "Kim Minji", "sid": "20231234", "email": "minji@example.edu"}]
    assert found["submission_9002"] == [{"name": 'O\'Brien "Pat"', "email": "pat@example.edu"},
                                        {"name": "Lee 'Jay'", "sid": "20231235"}]
    assert set(found) == {"submission_9001", "submission_9002"}


def test_gradescope_export_is_keyed_by_sid_else_submission_id(tmp_path):
    (tmp_path / "submission_metadata.yml").write_text(_METADATA)
    _write_set(tmp_path / "submission_9001", "kim")
    _write_set(tmp_path / "submission_9002", "pair")
    roster = read_roster(tmp_path, assignment=PACK)
    book = _by_id(roster)
    assert set(book) == {"20231234", "9002"}  # the group's first submitter has no SID
    assert roster.people["20231234"].email == "minji@example.edu"
    assert roster.names["9002"] == "O'Brien \"Pat\", Lee 'Jay'"
    assert roster.download.lms == "gradescope" and roster.download.files == 2 * len(FILENAMES)


# GitHub Classroom: <assignment>-<username>/ repositories.

def test_github_classroom_repositories_are_keyed_by_username(tmp_path):
    for username in ("minji-kim", "jlee", "Park99"):
        repo = tmp_path / f"regularization-hw-{username}"
        _write_set(repo, username)
        (repo / ".git").mkdir()
        (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
        _write_set(repo / "grader", "kit")  # the student bundle's own package
        (repo / "grader" / "__init__.py").write_text("")
    roster = read_roster(tmp_path, assignment=PACK)
    book = _by_id(roster)
    assert set(book) == {"minji-kim", "jlee", "Park99"}
    assert book["jlee"].sources["dropout.py"] == _code("jlee", "dropout.py")
    assert roster.download.lms == "github-classroom" and roster.download.students == 3


def test_folders_without_a_shared_prefix_are_plain_students(tmp_path):
    for name in ("alice", "bob", "s0", "s1"):
        _write_set(tmp_path / name, name)
        (tmp_path / name / ".git").mkdir()
    roster = read_roster(tmp_path, assignment=PACK)
    assert roster.download is None and set(_by_id(roster)) == {"alice", "bob", "s0", "s1"}


def test_folders_sharing_a_prefix_without_git_are_plain_students(tmp_path):
    for name in ("team-red", "team-blue"):
        _write_set(tmp_path / name, name)
    roster = read_roster(tmp_path, assignment=PACK)
    assert roster.download is None and set(_by_id(roster)) == {"team-red", "team-blue"}


# The plain layouts, as before.

def test_plain_class_folder_reads_as_before(tmp_path):
    _write_set(tmp_path / "Alice Kim", "alice")
    for filename in FILENAMES:
        (tmp_path / f"carol_{filename}").write_text(_code("carol", filename))
    (tmp_path / "dave.py").write_text(_code("dave", "all"))
    with zipfile.ZipFile(tmp_path / "bob.zip", "w") as archive:
        archive.writestr("bob/dropout.py", _code("bob", "dropout.py"))
    (tmp_path / "notes.txt").write_text("not a submission")
    roster = read_roster(tmp_path, assignment=PACK)
    assert roster.download is None and roster.people == {}
    assert [entry.name for entry in roster.entries] == ["Alice_Kim", "bob", "carol", "dave"]
    assert roster.names["Alice_Kim"] == "Alice Kim"
    assert discover(tmp_path, assignment=PACK) == roster.entries
