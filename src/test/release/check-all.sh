#!/usr/bin/env bash
# The release, reproducibility and site checks of issue 17, one after the other (a few minutes; tests are
# skipped inside them: they check what a release is made of, the test suite checks the code).
# Prints each check's closing line, then "release-checks: N passed, M failed" (the sums), and exits
# non-zero when any check failed.
set -uo pipefail
dir=$(cd "$(dirname "$0")" && pwd)
passed=0; failed=0; status=0
for check in check-release.sh check-reproducible.sh check-site.sh; do
  start=$(date +%s)
  out=$("$dir/$check" "$@" 2>&1) || status=1
  echo "$out" | grep -v -E '^[a-z-]+-check: [0-9]+ passed, [0-9]+ failed' | sed "s|^|[$check] |"
  line=$(echo "$out" | grep -E '^[a-z-]+-check: [0-9]+ passed, [0-9]+ failed' | tail -n 1)
  if [ -n "$line" ]; then
    echo "$line ($(( $(date +%s) - start )) s)"
    p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed.*/\1/')
    f=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed.*/\2/')
    passed=$((passed + p)); failed=$((failed + f))
  else
    echo "$check: no result line"; failed=$((failed + 1)); status=1
  fi
done
echo "release-checks: $passed passed, $failed failed"
[ "$failed" = 0 ] && exit "$status" || exit 1
