#!/usr/bin/env bash
# Starts Azurite (in memory, telemetry off, free loopback ports) and ingestwatch-sim on top of it, runs
# sdk-against-sim.mjs with the official Kusto node SDKs, and stops both (by pid) whatever happens.
#   run-sdk-against-sim.sh SIM_BIN NODE_MODULES_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
sim="${1:-${IW_SIM_BIN:-}}"
modules="${2:-$here/../../tools/azurite/node_modules}"
[[ -x "$sim" ]] || { echo "ingestwatch-sim not found: '$sim'" >&2; exit 2; }
[[ -d "$modules/azure-kusto-data" && -d "$modules/azure-kusto-ingest" ]] \
    || { echo "SKIP: azure-kusto-data/azure-kusto-ingest not installed in $modules (scripts/setup)" >&2; exit 77; }
command -v node >/dev/null || { echo "SKIP: node not found" >&2; exit 77; }

work="$(mktemp -d)"
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do
        for _ in $(seq 30); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$p" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

freeport() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
read -r tport qport bport < <(echo "$(freeport) $(freeport) $(freeport)")

"$modules/.bin/azurite" --inMemoryPersistence --disableTelemetry --silent \
    --tableHost 127.0.0.1 --tablePort "$tport" --queueHost 127.0.0.1 --queuePort "$qport" \
    --blobHost 127.0.0.1 --blobPort "$bport" >"$work/azurite.log" 2>&1 &
pids+=($!)
for port in "$tport" "$qport" "$bport"; do
    for _ in $(seq 300); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
        kill -0 "${pids[0]}" 2>/dev/null || { echo "Azurite exited:"; cat "$work/azurite.log"; exit 1; }
        sleep 0.1
    done
done

key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
cs="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;TableEndpoint=http://127.0.0.1:$tport/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$qport/devstoreaccount1;BlobEndpoint=http://127.0.0.1:$bport/devstoreaccount1"
"$sim" --listen 127.0.0.1:0 --storage "$cs" --print-token --rate 10 --processing-ms 300 \
    --failure-rate 0.5 --max-retries 0 --seed 3 --ready-file "$work/ready" ${IW_SIM_EXTRA_ARGS:-} >"$work/sim.out" 2>"$work/sim.err" &
pids+=($!)
for _ in $(seq 300); do
    grep -q '^INGESTWATCH_SIM_TOKEN=' "$work/ready" 2>/dev/null && break
    kill -0 "${pids[1]}" 2>/dev/null || { echo "ingestwatch-sim exited:"; cat "$work/sim.err"; exit 1; }
    sleep 0.1
done
IW_SIM_URL="$(sed -n 's/^INGESTWATCH_SIM_URL=//p' "$work/ready")"
IW_SIM_TOKEN="$(sed -n 's/^INGESTWATCH_SIM_TOKEN=//p' "$work/ready")"
[[ -n "$IW_SIM_URL" && -n "$IW_SIM_TOKEN" ]] || { echo "no ready lines"; cat "$work/sim.err"; exit 1; }
echo "simulator $IW_SIM_URL, Azurite table $tport queue $qport blob $bport"

rc=0
IW_SIM_URL="$IW_SIM_URL" IW_SIM_TOKEN="$IW_SIM_TOKEN" IW_NODE_MODULES="$modules" \
    node "$here/sdk-against-sim.mjs" || rc=$?
if [[ $rc -ne 0 ]]; then echo "--- simulator stderr"; tail -n 40 "$work/sim.err"; fi
exit $rc
