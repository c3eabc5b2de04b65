#!/usr/bin/env bash
# Set up the app and start it on the bundled corpus. Usage: bash scripts/app.sh [streamlit args]
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
exec .venv/bin/streamlit run app.py "$@"
