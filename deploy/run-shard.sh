#!/bin/sh
# Runs one shard of an α sweep inside a job array and writes its JSON.
#   index: JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID (Slurm), 0-based
#   count: SHARD_COUNT, else SLURM_ARRAY_TASK_COUNT
#   SWEEP_ARGS: the sweep (same on every shard), SWEEP_OUT_DIR: where shard-<i>-of-<n>.json goes
# Merge afterwards with: npm run sweep -- --merge "$SWEEP_OUT_DIR"/shard-*.json --out all.json
set -eu
INDEX="${JOB_COMPLETION_INDEX:-${SLURM_ARRAY_TASK_ID:-}}"
COUNT="${SHARD_COUNT:-${SLURM_ARRAY_TASK_COUNT:-}}"
if [ -z "$INDEX" ] || [ -z "$COUNT" ]; then
  echo "error: set JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID (the shard index) and SHARD_COUNT (the number of shards)" >&2
  exit 1
fi
SWEEP_ARGS="${SWEEP_ARGS:---alphas 0,0.25,0.5,0.75 --seeds 3 --depth 8 --max-steps 300}"
OUT_DIR="${SWEEP_OUT_DIR:-sweep-out}"
mkdir -p "$OUT_DIR"
# SWEEP_ARGS is split into words on purpose.
# shellcheck disable=SC2086
exec npx tsx scripts/sweep.ts $SWEEP_ARGS --shard "$INDEX/$COUNT" --out "$OUT_DIR/shard-$INDEX-of-$COUNT.json"
