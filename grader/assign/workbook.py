"""The student notebook: theory, one code cell per exercise file, and cells that run the checks.

One builder makes the notebook from any set of exercise files: from the skeletons it is the notebook the
students get; from the solutions it is a "solved twin" that must grade like the solutions. Its prose lives
in the pack's ``notebook/*.md`` (see Pack.theory); ``how_to.md`` and ``check_all.md`` fall back to the
engine's ``theory/`` when the pack has none. The output is deterministic (cell ids named after each cell's role, no timestamps), so
``assign --check`` can compare it with the committed file.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from grader.packs import Pack

EXPERIMENT_DIR = "experiment"
"""Where the experiment cell asks ``grader experiment`` to write its plots and table."""

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


def _prose(pack: Pack, name: str) -> str:
    """``notebook/<name>.md`` of the pack, else the engine's default; ``{notebook}`` is the notebook's name."""
    own = pack.folder / "notebook" / f"{name}.md"
    if own.is_file():
        text = own.read_text(encoding="utf-8")
    else:
        default = resources.files("grader.assign") / "theory" / f"{name}.md"
        if not default.is_file():
            raise FileNotFoundError(f"The notebook text {own} is missing")
        text = default.read_text(encoding="utf-8").replace("{notebook}", pack.notebook_name)
    return text.strip()


def _shell(command: str) -> str:
    """A cell running ``python -m grader COMMAND`` with the kernel's own Python (IPython expands {...})."""
    return f"import sys\n\n!{{sys.executable}} -m grader {command}"


def _check_command(pack: Pack, filename: str | None = None) -> str:
    """The public checks of the exercises defined in ``filename``, or of all exercises."""
    only = "".join(f" --only {e.name}" for e in pack.exercises if e.filename == filename)
    return f"check {pack.notebook_name} --assignment {pack.name}{only}"


def render_notebook(pack: Pack, sources: Mapping[str, str], origin: Path | str = "the sources") -> str:
    """``pack``'s notebook text; ``sources`` maps each exercise file name to the code of its cell.

    ``origin`` names where ``sources`` came from, for the error raised when an exercise file is missing.
    """
    missing = [name for name in pack.filenames if name not in sources]
    if missing:
        raise FileNotFoundError(
            f"Cannot build {pack.notebook_name} from {origin}: expected the exercise files "
            f"{', '.join(pack.filenames)}. Missing: {', '.join(missing)}"
        )
    cells = [new_markdown_cell(_prose(pack, "title"), id="title"), new_markdown_cell(_prose(pack, "how_to"), id="how-to")]
    cells += [new_markdown_cell(_prose(pack, name), id=f"theory-{name}") for name in pack.theory]
    for filename in pack.filenames:
        stem = Path(filename).stem
        cells += [
            new_markdown_cell(_prose(pack, f"exercise_{stem}"), id=f"exercise-{stem}"),
            new_code_cell(sources[filename].rstrip("\n"), id=f"code-{stem}"),
            new_code_cell(_shell(_check_command(pack, filename)), id=f"check-{stem}"),
        ]
    cells += [
        new_markdown_cell(_prose(pack, "check_all"), id="check-all-intro"),
        new_code_cell(_shell(_check_command(pack)), id="check-all"),
    ]
    if pack.experiment:
        cells += [
            new_markdown_cell(_prose(pack, "experiment"), id="experiment-intro"),
            new_code_cell(_shell(f"experiment {pack.notebook_name} --assignment {pack.name} --out {EXPERIMENT_DIR}"),
                          id="experiment-run"),
            new_code_cell(_SHOW_PLOT, id="experiment-plot"),
        ]
    notebook = new_notebook(cells=cells, metadata=_METADATA)
    notebook.nbformat_minor = _NBFORMAT_MINOR
    nbformat.validate(notebook)
    return nbformat.writes(notebook) + "\n"


def build_notebook(pack: Pack, folder: Path | str) -> str:
    """``pack``'s notebook whose code cells hold the exercise files of ``folder`` (skeletons or solutions)."""
    folder = Path(folder)
    sources = {name: (folder / name).read_text(encoding="utf-8") for name in pack.filenames if (folder / name).is_file()}
    return render_notebook(pack, sources, folder)
