#!/bin/bash
# Slurm job array: 8 tasks, each renders 1/8 of the CVs (shard = task id).
#SBATCH --job-name=cvpress
#SBATCH --array=0-7
#SBATCH --cpus-per-task=2
#SBATCH --mem=512M
#SBATCH --time=00:10:00
set -euo pipefail
cvpress batch /shared/cvs -o /shared/pdf \
  --shard "${SLURM_ARRAY_TASK_ID}/8" -j "${SLURM_CPUS_PER_TASK}" --quiet \
  --manifest "/shared/manifests/shard-${SLURM_ARRAY_TASK_ID}.jsonl"
