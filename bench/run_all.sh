#!/usr/bin/env bash
# Generate one 20,000-task plan, then run every benchmark against it, in order.
#
#   bench/run_all.sh [OUT_DIR]     (default bench/out, which git ignores)
#
# Writes OUT_DIR/large.qdplan, OUT_DIR/table.json and OUT_DIR/status.json.
# PYTHON overrides the interpreter (default .venv/bin/python); extra options for the plan
# generator can be given in MAKE_PLAN_ARGS (e.g. MAKE_PLAN_ARGS="--tasks 5000").
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
OUT=${1:-bench/out}
mkdir -p "$OUT"
PLAN="$OUT/large.qdplan"

echo "== make_large_plan.py"
# shellcheck disable=SC2086  # MAKE_PLAN_ARGS is meant to split into options
"$PY" bench/make_large_plan.py "$PLAN" --force ${MAKE_PLAN_ARGS:-}
echo
echo "== bench_table.py"
"$PY" bench/bench_table.py "$PLAN" --json "$OUT/table.json"
echo
echo "== bench_status.py"
"$PY" bench/bench_status.py "$PLAN" --json "$OUT/status.json"
echo
echo "== bench_editing.py"
"$PY" bench/bench_editing.py "$PLAN"
echo
echo "== bench_dashboard.py (200 indicators)"
"$PY" bench/bench_dashboard.py
echo
echo "== bench_excel.py"
"$PY" bench/bench_excel.py "$PLAN"
echo
echo "== bench_timeline.py"
"$PY" bench/bench_timeline.py "$PLAN"
echo
echo "== bench_report.py"
"$PY" bench/bench_report.py "$PLAN"
