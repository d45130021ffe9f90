# Sourced by demo/run.sh and the scripts in benchmarks/: starts the project's local CodeArtifact stand-in
# (compiled into target/test-classes) on a free port of 127.0.0.1, its data and output under the folder $1;
# sets $url to its address and stops it when the calling script exits.
start_standin() {
  java -cp target/test-classes dev.codeartifact.standin.StandIn --port 0 --port-file "$1/port" --data "$1/standin" \
    > "$1/standin.out" 2>&1 &
  standin_pid=$!
  trap 'kill $standin_pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do [ -s "$1/port" ] && break; sleep 0.1; done
  [ -s "$1/port" ] || { echo "The stand-in did not start; see $1/standin.out" >&2; exit 1; }
  url="http://127.0.0.1:$(cat "$1/port")"
}
