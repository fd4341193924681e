"""Hostile: look for the reference solution and the reference cache, and use them if found."""
import os

import grader

found = []
for root in (grader.KIT_ROOT, "/", "/tmp", os.path.expanduser("~")):
    for top, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in ("proc", "sys", "dev", "usr", "lib", "site-packages")]
        found += [os.path.join(top, f) for f in files if f == "dropout.py" and "solutions" in top or f.startswith("reference-")]
print("FOUND:", found)
for path in found:
    if path.endswith("dropout.py"):
        exec(open(path).read())  # defines Dropout from the reference
        break
else:
    raise RuntimeError(f"no reference visible; the kit root holds {sorted(os.listdir(grader.KIT_ROOT))}")
