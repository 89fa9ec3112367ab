#!/bin/sh
# Runs `npm test` N times (default 20) on a clean clone of the current commit and counts the
# outcomes, to show the suite is deterministic. The clone shares this checkout's node_modules
# (set REPEAT_NPM_CI=1 to install afresh instead). Logs of failed runs are kept and named.
#   scripts/repeat-tests.sh [N]
set -u
N=${1:-20}
SRC=$(git rev-parse --show-toplevel)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/repeat-tests.XXXXXX")
git clone -q "$SRC" "$WORK/repo" || exit 2
git -C "$WORK/repo" checkout -q "$(git -C "$SRC" rev-parse HEAD)" || exit 2
cd "$WORK/repo" || exit 2
if [ "${REPEAT_NPM_CI:-}" = 1 ]; then
  npm ci --no-audit --no-fund >"$WORK/npm-ci.log" 2>&1 || { echo "npm ci failed: $WORK/npm-ci.log"; exit 2; }
else
  ln -s "$(readlink -f "$SRC/node_modules")" node_modules
fi
pass=0
fail=0
i=1
while [ "$i" -le "$N" ]; do
  start=$(date +%s)
  if npm test >"$WORK/run-$i.log" 2>&1; then
    pass=$((pass + 1))
    echo "run $i: passed ($(( $(date +%s) - start )) s)"
    rm -f "$WORK/run-$i.log"
  else
    fail=$((fail + 1))
    echo "run $i: FAILED ($(( $(date +%s) - start )) s), log $WORK/run-$i.log"
    grep -E '^(FAIL|  ●)' "$WORK/run-$i.log" | head -5
  fi
  i=$((i + 1))
done
echo "npm test on a clean clone of $(git rev-parse --short HEAD): $pass passed, $fail failed of $N"
[ "$fail" -eq 0 ]
