"""assign: turn the reference solutions into the student skeletons."""

from grader.assign.markers import MarkerError, Region, find_regions
from grader.assign.skeleton import check_assignments, render_skeletons, write_assignments

__all__ = [
    "MarkerError",
    "Region",
    "find_regions",
    "check_assignments",
    "render_skeletons",
    "write_assignments",
]
