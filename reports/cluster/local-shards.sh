#!/bin/sh
# The sharded report on one machine: K shards as K processes at once, then the merge — what a Slurm array or a
# Kubernetes Indexed Job does on K nodes.
#
#   reports/cluster/local-shards.sh K OUT [ReportMain options, e.g. --budget ci --threads 1]
#
# writes OUT/parts/partial-I-of-K.json (and shard-I.log) for I = 0 … K−1, then OUT/index.html and
# OUT/report.json, the same (timings aside) as `byzcheck-report --out OUT [options]`.
set -eu
if [ $# -lt 2 ]; then
  echo "usage: $0 K OUT [ReportMain options]" >&2
  exit 2
fi
k=$1
out=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
report="$here/../bin/byzcheck-report"
mkdir -p "$out/parts"
pids=""
i=0
while [ "$i" -lt "$k" ]; do
  "$report" --out "$out/parts" --shard "$i/$k" "$@" >"$out/parts/shard-$i.log" 2>&1 &
  pids="$pids $!"
  i=$((i + 1))
done
failed=0
for pid in $pids; do
  wait "$pid" || failed=1
done
if [ "$failed" -ne 0 ]; then
  echo "$0: a shard failed; see $out/parts/shard-*.log" >&2
  exit 1
fi
exec "$report" merge --out "$out" "$out/parts"
