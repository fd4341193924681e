"""The student notebook: theory, one code cell per exercise file, and cells that run the checks.

One builder makes the notebook from any set of exercise files: from the skeletons it is the notebook the
students get; from the solutions it is a "solved twin" that must grade like the solutions. Its prose lives
in ``theory/*.md``. The output is deterministic (cell ids named after each cell's role, no timestamps), so
``assign --check`` can compare it with the committed file.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from grader.exercises import EXERCISES, FILENAMES

NOTEBOOK_NAME = "regularization.ipynb"
"""The notebook's file name in the assignment folder; its check cells pass this name to the grader."""
EXPERIMENT_DIR = "experiment"
"""Where the experiment cell asks ``grader experiment`` to write its plots and table."""
THEORY_SECTIONS = ("regularizers", "noise", "dropout", "batchnorm", "layernorm", "summary")
"""``theory/<name>.md`` files, in notebook order."""

_METADATA = {
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
}
# nbformat 4.5 is the first minor version with cell ids; pinned so a newer nbformat writes the same file.
_NBFORMAT_MINOR = 5

# The grader keeps a notebook's top-level imports and has no IPython: import it inside the function.
_SHOW_PLOT = f'''def show_image(path):
    from IPython.display import Image, display

    display(Image(filename=path))


show_image("{EXPERIMENT_DIR}/comparison.png")'''


def _prose(name: str) -> str:
    return (resources.files("grader.assign") / "theory" / f"{name}.md").read_text(encoding="utf-8").strip()


def _shell(command: str) -> str:
    """A cell running ``python -m grader COMMAND`` with the kernel's own Python (IPython expands {...})."""
    return f"import sys\n\n!{{sys.executable}} -m grader {command}"


def _check_command(filename: str | None = None) -> str:
    """The public checks of the exercises defined in ``filename``, or of all exercises."""
    only = "".join(f" --only {e.name}" for e in EXERCISES if e.filename == filename)
    return f"check {NOTEBOOK_NAME}{only}"


def render_notebook(sources: Mapping[str, str], origin: Path | str = "the sources") -> str:
    """The notebook's text; ``sources`` maps each exercise file name to the code of its cell.

    ``origin`` names where ``sources`` came from, for the error raised when an exercise file is missing.
    """
    missing = [name for name in FILENAMES if name not in sources]
    if missing:
        raise FileNotFoundError(
            f"Cannot build {NOTEBOOK_NAME} from {origin}: expected the exercise files {', '.join(FILENAMES)}. "
            f"Missing: {', '.join(missing)}"
        )
    cells = [new_markdown_cell(_prose("title"), id="title"), new_markdown_cell(_prose("how_to"), id="how-to")]
    cells += [new_markdown_cell(_prose(name), id=f"theory-{name}") for name in THEORY_SECTIONS]
    for filename in FILENAMES:
        stem = Path(filename).stem
        cells += [
            new_markdown_cell(_prose(f"exercise_{stem}"), id=f"exercise-{stem}"),
            new_code_cell(sources[filename].rstrip("\n"), id=f"code-{stem}"),
            new_code_cell(_shell(_check_command(filename)), id=f"check-{stem}"),
        ]
    cells += [
        new_markdown_cell(_prose("check_all"), id="check-all-intro"),
        new_code_cell(_shell(_check_command()), id="check-all"),
        new_markdown_cell(_prose("experiment"), id="experiment-intro"),
        new_code_cell(_shell(f"experiment {NOTEBOOK_NAME} --out {EXPERIMENT_DIR}"), id="experiment-run"),
        new_code_cell(_SHOW_PLOT, id="experiment-plot"),
    ]
    notebook = new_notebook(cells=cells, metadata=_METADATA)
    notebook.nbformat_minor = _NBFORMAT_MINOR
    nbformat.validate(notebook)
    return nbformat.writes(notebook) + "\n"


def build_notebook(folder: Path | str) -> str:
    """The notebook whose code cells hold the exercise files of ``folder`` (skeletons or solutions)."""
    folder = Path(folder)
    sources = {name: (folder / name).read_text(encoding="utf-8") for name in FILENAMES if (folder / name).is_file()}
    return render_notebook(sources, folder)
