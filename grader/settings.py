"""Every default the grader uses, defined once.

The CLI, the docs and the checks read their values from here.
"""

from grader import KIT_ROOT

# One folder per assignment (grader/packs/<name>) in each: the reference code, the generated skeletons.
SOLUTIONS_ROOT = KIT_ROOT / "solutions"
ASSIGNMENTS_ROOT = KIT_ROOT / "assignments"
CACHE_DIR = KIT_ROOT / ".grader_cache"
# In the student bundle (no solutions/): what the public checks compare with, one file per assignment
# (<name>.json), written by `release`.
PUBLIC_REFERENCE_DIR = KIT_ROOT / "public_reference"
# Choices a user makes once (the feedback language), remembered in the kit or the bundle.
USER_SETTINGS = KIT_ROOT / ".grader-settings.json"
LANGUAGES = ("en", "ko")

# Seed of every random input a probe builds; the same submission always sees the same data.
PROBE_SEED = 20261122

# Wall-clock limit for one exercise in the worker, import of the student's file included.
EXERCISE_TIMEOUT_S = 60.0
# Per exercise: address space the student's code may add to the worker's, and CPU seconds it may use.
MEMORY_LIMIT_BYTES = 3 * 2**30
CPU_LIMIT_FACTOR = 2  # CPU seconds allowed = this x the exercise's timeout
# Processes and threads the student's code may add (TensorFlow's own threads count too).
EXTRA_PROCESSES = 256
# Largest file the student's code may write (its captured output included).
MAX_FILE_BYTES = 4 * 2**20
# Where the student's files appear inside the worker: sources travel in the job, never through the file system.
SUBMISSION_MOUNT = "/submission"
# "auto": bubblewrap where it runs, else (as root) the user nobody, else a plain subprocess, with a
# warning for either; "bwrap": bubblewrap or an error; "none": a plain subprocess.
SANDBOX = "auto"

# Worker output beyond this is dropped; keeps results.json small whatever the student prints.
STDOUT_KEEP_CHARS = 2000
# A child sending more than this over its observation channel is stopped.
MAX_OBSERVATION_BYTES = 32 * 2**20

# Deterministic comparisons, float32 vs the float32 reference. Measured (DESIGN.md): correct code
# differs by <= 2e-6 on outputs and dx and <= 1e-4 on dgamma/dbeta at N=4096, O(1) data.
RTOL = 1e-4
ATOL_FRACTION = 1e-5  # atol = ATOL_FRACTION * max(1, max|reference|)
# Data offset by 1000 keeps only 4 significant digits of its spread in float32. Measured: correct
# two-pass statistics land within 1.7e-4 of the float64 truth there, the one-pass E[x^2] - E[x]^2
# 0.25 or more away; both tolerances times 50 sit between the two.
OFFSET_TOLERANCE_FACTOR = 50.0

# Statistical checks: bounds are z standard errors wide with z chosen for a two-sided
# false-fail probability of 1e-6 per bound (Phi^-1(1 - 5e-7) = 4.892).
FALSE_FAIL_RATE = 1e-6
Z_BOUND = 4.892
