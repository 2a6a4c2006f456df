#!/bin/bash
# The ByzCheck report as a Slurm job array: each array task runs one shard (byzcheck-report reads
# SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_COUNT), then one dependent job merges.
#
#   export BYZCHECK_HOME=/shared/byzcheck   # holds bin/byzcheck-report and bin/byzcheck-report.jar
#   jid=$(sbatch --parsable reports/cluster/slurm-array.sh)
#   sbatch --dependency=afterok:$jid --wrap "$BYZCHECK_HOME/bin/byzcheck-report merge --out report parts"
#
# Options after the script name go to every shard (e.g. sbatch slurm-array.sh --budget ci --seed 7). The
# array must be one range with step 1 (0-7 or 1-8, not 0-14:2): the shard is the task ID minus the minimum.
# The nodes need a JDK 25 (module load, or JAVA_HOME), not Maven or the sources; parts/ must be on a shared
# file system.
#SBATCH --job-name=byzcheck-report
#SBATCH --array=0-7
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --time=00:30:00
#SBATCH --output=byzcheck-report-%A_%a.log
set -euo pipefail
: "${BYZCHECK_HOME:?set BYZCHECK_HOME to the directory holding bin/byzcheck-report and its jar}"
exec "$BYZCHECK_HOME/bin/byzcheck-report" --out "${BYZCHECK_PARTS:-parts}" --threads "${SLURM_CPUS_PER_TASK:-1}" "$@"
