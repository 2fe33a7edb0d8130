#!/usr/bin/env bash
# Create an isolated virtualenv with Scrapyd 1.6.0 and newscrawl's runtime dependencies.
#
#   deploy/scrapyd-venv.sh [VENV]        (default: .venv-scrapyd in the checkout)
#
# Scrapyd 1.6 imports pkg_resources, which newer setuptools releases drop, so it gets its own
# environment with a pinned setuptools instead of constraining the project's. newscrawl itself
# is NOT installed there: Scrapyd runs it from the deployed egg (newscrawl/scrapyd.py).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:-.venv-scrapyd}
python=${PYTHON:-python3}

"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
deps=$("$venv/bin/python" -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))')
# shellcheck disable=SC2086
"$venv/bin/python" -m pip install --quiet scrapyd==1.6.0 setuptools==65.5.0 $deps
"$venv/bin/python" -c 'import pkg_resources, scrapyd; print("scrapyd", scrapyd.__version__ if hasattr(scrapyd, "__version__") else "1.6.0", "ready in", __import__("sys").prefix)'
