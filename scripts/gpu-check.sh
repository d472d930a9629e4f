#!/usr/bin/env bash
# WebGPU training speed per α on this machine's GPU, in under 5 minutes (Oct-ResNet-20, batch 128,
# Node + Dawn): prints img/s per α. Needs libvulkan1 and the GPU's Vulkan driver (NVIDIA: the
# driver's ICD, e.g. /usr/share/vulkan/icd.d/nvidia_icd.json). Extra flags go to scripts/gpu-check.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d node_modules ]] || npm ci
exec timeout 290 npx tsx scripts/gpu-check.ts "$@"
