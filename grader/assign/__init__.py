"""assign: turn the reference solutions into the student skeletons and notebook."""

from grader.assign.markers import MarkerError, Region, find_regions
from grader.assign.skeleton import check_assignments, render_assignments, render_skeletons, write_assignments
from grader.assign.workbook import build_notebook, render_notebook

__all__ = [
    "MarkerError",
    "Region",
    "build_notebook",
    "find_regions",
    "check_assignments",
    "render_assignments",
    "render_notebook",
    "render_skeletons",
    "write_assignments",
]
