#!/usr/bin/env bash
# Generate a 20,000-task and a 100,000-task plan, run every benchmark against them, then print
# one table of issue 18's goals (bench/goals.py) from the JSON files the benchmarks wrote.
#
#   bench/run_all.sh [OUT_DIR]     (default bench/out, which git ignores)
#
# Takes about 15 minutes on a 2-core machine. PYTHON overrides the interpreter (default
# .venv/bin/python); REPEAT the rounds of each benchmark (default 5); extra options for the
# plan generator go in MAKE_PLAN_ARGS (e.g. MAKE_PLAN_ARGS="--tasks 5000").
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
OUT=${1:-bench/out}
N=${REPEAT:-5}
mkdir -p "$OUT"
PLAN="$OUT/large.qdplan"
BIG="$OUT/large-100k.qdplan"

echo "== make_large_plan.py (20,000 and 100,000 tasks)"
# shellcheck disable=SC2086  # MAKE_PLAN_ARGS is meant to split into options
"$PY" bench/make_large_plan.py "$PLAN" --force --quiet ${MAKE_PLAN_ARGS:-}
"$PY" bench/make_large_plan.py "$BIG" --tasks 100000 --force --quiet
echo
echo "== bench_table.py (20k, then 100k)"
"$PY" bench/bench_table.py "$PLAN" --repeat "$N" --json "$OUT/table.json"
"$PY" bench/bench_table.py "$BIG" --repeat 3 --only ours --only window --json "$OUT/table-100k.json"
echo
echo "== bench_startup.py (cold processes, the 20k plan)"
"$PY" bench/bench_startup.py --repeat "$N" --plan "$PLAN" --json "$OUT/startup.json" || true
echo
echo "== bench_editing.py"
"$PY" bench/bench_editing.py "$PLAN" --json "$OUT/editing.json"
echo
echo "== bench_dashboard.py (200 indicators)"
"$PY" bench/bench_dashboard.py --repeat "$N" --json "$OUT/dashboard.json" || true
echo
echo "== bench_excel.py"
"$PY" bench/bench_excel.py "$PLAN" --repeat 3 --json "$OUT/excel.json" || true
echo
echo "== bench_commands.py (status, report, sample report; round trip of 100k)"
"$PY" bench/bench_commands.py "$PLAN" --repeat "$N" --sample --roundtrip "$BIG" \
    --json "$OUT/commands.json"
echo
echo "== bench_status.py"
"$PY" bench/bench_status.py "$PLAN" --json "$OUT/status.json"
echo
echo "== bench_timeline.py"
"$PY" bench/bench_timeline.py "$PLAN"
echo
echo "== bench_report.py"
"$PY" bench/bench_report.py "$PLAN"
echo
echo "== goals (issue 18)"
"$PY" bench/goals.py "$OUT"
