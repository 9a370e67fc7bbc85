#!/usr/bin/env bash
# How soon wkforge gives up on what does not answer, side by side with the limit it was given:
# deploy over SSH to a server that accepts the connection and never greets (connect_timeout 1 s,
# which waits 3 s for the greeting), and a mapper that hangs (mapper_timeout 3 s). The unit tests
# check that each is stopped (the right failure, no process left, nothing waited out); the
# seconds it takes are figures for this bench, not limits a loaded test machine must meet.
#
# usage: bench/timeouts.sh
# needs: java 17, Maven. WkContractTest trains the shared small network first (a minute or two).
set -euo pipefail
cd "$(dirname "$0")/.."
tests='DeploySshTest#aSilentServerTimesOut,WkContractTest#aMapperThatHangsIsStoppedAtTheTimeoutWithWhatItStarted'
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! mvn -B -ntp test -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1; then
  echo "the tests failed; see the output:" >&2
  tail -40 "$log" >&2
  exit 1
fi
lines="$(grep -h '^bench: ' "$log" target/surefire-reports/*-output.txt 2>/dev/null | sort -u || true)"
if [ -z "$lines" ]; then echo "no figures printed (were the peers missing and the tests skipped?)" >&2; exit 1; fi
echo "$lines" | sed 's/^bench: /  /'
