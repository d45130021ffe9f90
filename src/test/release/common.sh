# Sourced by the check-*.sh scripts of this folder: the counters and closing line every check prints, the
# copy of the work tree each one builds in, and the tools a fresh CI machine may lack.
# Set check_name (e.g. "release-check") before sourcing.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
passed=0; failed=0
pass() { passed=$((passed + 1)); [ -n "${VERBOSE:-}" ] && echo "ok: $*"; return 0; }
fail() { failed=$((failed + 1)); echo "FAILED: $*"; return 0; }
check() { local what=$1; shift; if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi; }
finish() { echo "$check_name: $passed passed, $failed failed"; [ "$failed" = 0 ]; exit $?; }

# need COMMAND:PACKAGE...: installs what is missing with apt-get when we may (CI machines are rebuilt from
# scratch), and stops the check with its closing line when a command is still missing.
need() {
  local pair
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 && continue
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "${pair%%:*} not found: installing ${pair##*:}"
      { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${pair##*:}"; } >/dev/null 2>&1
    fi
    command -v "${pair%%:*}" >/dev/null 2>&1 || { echo "$check_name: 0 passed, 1 failed (${pair%%:*} is not installed)"; exit 1; }
  done
}

# copy_tree DIR: the work tree's tracked and untracked (not ignored) files, so a check never touches target/.
copy_tree() {
  mkdir -p "$1"
  (cd "$root" && git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$1")
  chmod +x "$1/mvnw"
}
