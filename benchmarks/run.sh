#!/usr/bin/env bash
# Whole-process benchmark of the plugin against the local CodeArtifact stand-in, all variants measured in
# the same run and interleaved (round-robin), so machine noise hits every variant alike.
#   baseline : no plugin; the token given in settings.xml through ${env.BENCH_TOKEN}
#   cold     : the plugin with -Dcodeartifact.cache=false (token request every build)
#   warm     : the plugin with a warm disk cache
#   buildext : the same jar as a plain build extension (<build><extensions>, configured by POM properties):
#              Maven then reads no plugin descriptor and registers no mojos
#   aws-cli  : `aws codeartifact get-authorization-token` (only when `aws` is on the PATH)
#   noop-ext : a build extension that does nothing (compiled here): what Maven itself spends on loading
#              any build extension, the floor under "warm"
#   core     : the same jar as a core extension (.mvn/extensions.xml, configured by .mvn/maven.config),
#              warm cache
#   noop-core: a core extension that does nothing (an EventSpy and a lifecycle participant, compiled here):
#              what Maven itself spends on loading any core extension, the floor under "core"
# Then, inside the Maven process (no JVM start-up noise): the time to the project's build for each Maven
# variant; Maven's -X phases of noop-ext against warm and of noop-core against core; the time spent inside
# the plugin's participant and inside its core extension's event spy.
# Plus two counts: 8 builds started at once on an empty cache, and a 50-module reactor (1 request each).
# Usage: [BENCH_VERSION=0.0.0-bench] [BENCH_COMPARE=<other checkout>] benchmarks/run.sh [runs per variant, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-15}
work="$root/target/bench"
rm -rf "$work" && mkdir -p "$work"

nice -n 10 ./mvnw -B -q package -DskipTests
# Measured as users get it, a release: a SNAPSHOT plugin costs Maven ~15 ms more per build in metadata
# lookups. The jar and POM just built are installed as version 0.0.0-bench (BENCH_VERSION=... to run two
# checkouts one after the other without one overwriting the other's jar).
install_plugin() { # $1 = checkout (built), $2 = version to install its jar as
  local project_version repo
  project_version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$1/pom.xml" | head -n 1)
  repo="$HOME/.m2/repository/dev/codeartifact/codeartifact-maven-plugin/$2"
  mkdir -p "$repo"
  cp "$1/target/codeartifact-maven-plugin-$project_version.jar" "$repo/codeartifact-maven-plugin-$2.jar"
  sed "s:<version>$project_version</version>:<version>$2</version>:" "$1/target/installed-pom.xml" \
    > "$repo/codeartifact-maven-plugin-$2.pom"
  # Maven checks the version in the plugin descriptor against the artifact's when it runs a goal.
  (cd "$work" && jar xf "$repo/codeartifact-maven-plugin-$2.jar" META-INF/maven/plugin.xml \
    && sed -i "s:<version>$project_version</version>:<version>$2</version>:" META-INF/maven/plugin.xml \
    && jar uf "$repo/codeartifact-maven-plugin-$2.jar" META-INF/maven/plugin.xml && rm -r META-INF)
}
version=${BENCH_VERSION:-0.0.0-bench}
install_plugin "$root" "$version"
# BENCH_COMPARE=<another checkout, e.g. a git worktree of an older commit>: its jar measured in the same
# rounds, as warm-compare and core-compare (own domain, own cache entry), the fairest before/after on a
# machine whose load changes from one run to the next.
compare=${BENCH_COMPARE:-}
if [ -n "$compare" ]; then
  (cd "$compare" && nice -n 10 ./mvnw -B -q package -DskipTests)
  install_plugin "$compare" "$version-compare"
fi
mvn_home=$(./mvnw -v 2>/dev/null | sed -n 's/^Maven home: //p')
mvn="$mvn_home/bin/mvn"

source demo/standin.sh
start_standin "$work"

export AWS_ACCESS_KEY_ID=AKIASTANDINTEST00000 AWS_SECRET_ACCESS_KEY=standin-secret-key-not-a-real-one
export AWS_ENDPOINT_URL_CODEARTIFACT="$url" AWS_EC2_METADATA_DISABLED=true AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export CODEARTIFACT_CACHE_DIR="$work/cache"

project() { # $1 = dir, $2 = plugin block (or empty), $3 = other XML instead of <build><plugins>$2</plugins></build>
  mkdir -p "$1"
  cat > "$1/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>$(basename "$1")</artifactId><version>1.0</version>
  <repositories><repository><id>codeartifact</id><url>$url/maven/protected/</url></repository></repositories>
  <dependencies><dependency><groupId>dev.codeartifact.protected</groupId><artifactId>lib-bench</artifactId><version>1.0</version></dependency></dependencies>
  ${3:-<build><plugins>$2</plugins></build>}
</project>
POM
}
plugin() { # $1 = domain, $2 = version (default: this checkout's)
  echo "<plugin><groupId>dev.codeartifact</groupId><artifactId>codeartifact-maven-plugin</artifactId><version>${2:-$version}</version>
  <extensions>true</extensions><configuration><domain>$1</domain><serverIds>codeartifact</serverIds><region>us-east-1</region></configuration></plugin>"
}
project "$work/baseline" ""
# The floor: a one-class build extension that does nothing, installed as a release into the local repository.
noop_repo="$HOME/.m2/repository/bench/noop-extension/1.0"
mkdir -p "$work/noop-src/bench" "$work/noop-classes/META-INF/sisu" "$noop_repo"
cat > "$work/noop-src/bench/NoopParticipant.java" <<'JAVA'
package bench;
@javax.inject.Named("noop") @javax.inject.Singleton
public class NoopParticipant extends org.apache.maven.AbstractMavenLifecycleParticipant {
  @Override public void afterProjectsRead(org.apache.maven.execution.MavenSession session) {}
}
JAVA
javac --release 8 -nowarn -cp "$mvn_home/lib/*" -d "$work/noop-classes" "$work/noop-src/bench/NoopParticipant.java"
echo bench.NoopParticipant > "$work/noop-classes/META-INF/sisu/javax.inject.Named"
(cd "$work/noop-classes" && jar cf "$noop_repo/noop-extension-1.0.jar" .)
echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion><groupId>bench</groupId><artifactId>noop-extension</artifactId><version>1.0</version></project>' \
  > "$noop_repo/noop-extension-1.0.pom"
# The core extension's floor: an EventSpy and a lifecycle participant that do nothing, the two components
# the plugin's core extension has.
noop_core_repo="$HOME/.m2/repository/bench/noop-core-extension/1.0"
mkdir -p "$work/noop-core-classes/META-INF/sisu" "$noop_core_repo"
cat > "$work/noop-src/bench/NoopSpy.java" <<'JAVA'
package bench;
@javax.inject.Named @javax.inject.Singleton
public class NoopSpy extends org.apache.maven.eventspy.AbstractEventSpy {
  @Override public void onEvent(Object event) {}
}
JAVA
cat > "$work/noop-src/bench/NoopCoreParticipant.java" <<'JAVA'
package bench;
@javax.inject.Named("noop-core") @javax.inject.Singleton
public class NoopCoreParticipant extends org.apache.maven.AbstractMavenLifecycleParticipant {
  @Override public void afterSessionStart(org.apache.maven.execution.MavenSession session) {}
  @Override public void afterProjectsRead(org.apache.maven.execution.MavenSession session) {}
}
JAVA
javac --release 8 -nowarn -cp "$mvn_home/lib/*" -d "$work/noop-core-classes" \
  "$work/noop-src/bench/NoopSpy.java" "$work/noop-src/bench/NoopCoreParticipant.java"
printf 'bench.NoopCoreParticipant\nbench.NoopSpy\n' > "$work/noop-core-classes/META-INF/sisu/javax.inject.Named"
(cd "$work/noop-core-classes" && jar cf "$noop_core_repo/noop-core-extension-1.0.jar" .)
echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion><groupId>bench</groupId><artifactId>noop-core-extension</artifactId><version>1.0</version></project>' \
  > "$noop_core_repo/noop-core-extension-1.0.pom"
core_project() { # $1 = dir, $2 = groupId, $3 = artifactId, $4 = version, $5 = .mvn/maven.config (or empty)
  project "$1" ""
  mkdir -p "$1/.mvn"
  echo "<extensions><extension><groupId>$2</groupId><artifactId>$3</artifactId><version>$4</version></extension></extensions>" \
    > "$1/.mvn/extensions.xml"
  [ -z "$5" ] || printf "%s\n" $5 > "$1/.mvn/maven.config" # one argument a line (Maven 3.9 reads it so)
}
core_project "$work/noop-core" bench noop-core-extension 1.0 ""
core_project "$work/core" dev.codeartifact codeartifact-maven-plugin "$version" \
  "-Dcodeartifact.domain=bench-warm -Dcodeartifact.serverIds=codeartifact -Dcodeartifact.region=us-east-1"
project "$work/noop-ext" "<plugin><groupId>bench</groupId><artifactId>noop-extension</artifactId><version>1.0</version><extensions>true</extensions></plugin>"
project "$work/cold" "$(plugin bench-cold)"
project "$work/warm" "$(plugin bench-warm)"
if [ -n "$compare" ]; then
  project "$work/warm-compare" "$(plugin bench-compare "$version-compare")"
  core_project "$work/core-compare" dev.codeartifact codeartifact-maven-plugin "$version-compare" \
    "-Dcodeartifact.domain=bench-compare -Dcodeartifact.serverIds=codeartifact -Dcodeartifact.region=us-east-1"
fi
project "$work/buildext" "" "<properties><codeartifact.domain>bench-warm</codeartifact.domain><codeartifact.serverIds>codeartifact</codeartifact.serverIds><codeartifact.region>us-east-1</codeartifact.region></properties>
  <build><extensions><extension><groupId>dev.codeartifact</groupId><artifactId>codeartifact-maven-plugin</artifactId><version>$version</version></extension></extensions></build>"
cat > "$work/settings.xml" <<'SET'
<settings><servers><server><id>codeartifact</id><username>aws</username><password>${env.BENCH_TOKEN}</password></server></servers></settings>
SET
# The token the baseline user would have exported (the stand-in accepts any well-formed SigV4 header).
BENCH_TOKEN=$(curl -s -X POST -H "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/codeartifact/aws4_request, SignedHeaders=host, Signature=$(printf '0%.0s' $(seq 1 64))" \
  "$url/v1/authorization-token?domain=bench-base" | sed -E 's/.*"authorizationToken":"([^"]+)".*/\1/')
export BENCH_TOKEN

# Each whole-process measurement prints "wall-ms cpu-ms": CPU time (user + system, of the JVM and its
# threads) is less sensitive than wall time to other work on the machine, which takes turns on the cores.
timed() { # $1 = log file, then the command; prints "wall-ms cpu-ms", exits with the log on failure
  local log=$1 t0 t1 cpu
  shift
  t0=$(date +%s%N)
  cpu=$( { TIMEFORMAT='%3U %3S'; time "$@" > "$log" 2>&1 || echo FAILED; } 2>&1 )
  t1=$(date +%s%N)
  case $cpu in *FAILED*) cat "$log" >&2; exit 1 ;; esac
  echo $(( (t1 - t0) / 1000000 )) "$(echo "$cpu" | awk '{printf "%d", ($1 + $2) * 1000}')"
}
build() { # $1 = variant
  local args=(-B -q -s "$work/settings.xml" -f "$work/$1/pom.xml" validate dependency:resolve -DoutputFile=/dev/null)
  [ "$1" = cold ] && args+=(-Dcodeartifact.cache=false)
  timed "$work/$1.log" "$mvn" "${args[@]}"
}
awscli() {
  timed "$work/aws-cli.log" aws codeartifact get-authorization-token --endpoint-url "$url" --domain bench-cli \
    --query authorizationToken --output text
}
variants=(baseline noop-ext cold warm buildext noop-core core)
[ -z "$compare" ] || variants+=(warm-compare core-compare)
command -v aws > /dev/null && variants+=(aws-cli)

echo "Warm-up (downloads, JIT of the file system cache, first token)..."
for v in "${variants[@]}"; do [ "$v" = aws-cli ] || build "$v" > /dev/null; done
for v in "${variants[@]}"; do : > "$work/times-$v"; done
for r in $(seq 1 "$runs"); do
  for v in "${variants[@]}"; do
    if [ "$v" = aws-cli ]; then awscli >> "$work/times-$v"; else build "$v" >> "$work/times-$v"; fi
  done
  echo "  round $r/$runs done"
done

# Median and quartiles of a column of numbers (ms).
quartiles() { sort -n | awk '{a[NR]=$1} END {printf "%d %d %d\n", a[int((NR+1)/2)], a[int((NR+3)/4)], a[int((3*NR+1)/4)]}'; }
# Overhead of $2 over $1 in column $3 (files of one line a round): the median and quartiles of the per-round
# differences, so that the machine's drift between rounds cancels out. Prints "median (q1 to q3)".
overhead() {
  local d dq1 dq3
  read -r d dq1 dq3 < <(paste -d' ' <(cut -d' ' -f"$3" "$1") <(cut -d' ' -f"$3" "$2") | awk '{print $2 - $1}' | quartiles)
  echo "$d ($dq1 to $dq3)"
}
# The rows of a table over the variants $3...: for each, two columns (1 and 2) of the files $1-VARIANT, each cell
# written by the function $2 from med, q1, q3 (the column's median and quartiles), diff (its overhead over
# $1-baseline against the same round, "-" for the baseline and the AWS CLI) and col.
table() {
  local prefix=$1 cell=$2 v col row med q1 q3 diff
  shift 2
  for v in "$@"; do
    row="| $v"
    for col in 1 2; do
      read -r med q1 q3 < <(cut -d' ' -f$col "$prefix-$v" | quartiles)
      diff="-"
      [ "$v" = baseline ] || [ "$v" = aws-cli ] || diff=$(overhead "$prefix-baseline" "$prefix-$v" $col)
      row="$row | $("$cell")"
    done
    echo "$row |"
  done
}
read -r base _ _ < <(cut -d' ' -f1 "$work/times-baseline" | quartiles)
read -r base_cpu _ _ < <(cut -d' ' -f2 "$work/times-baseline" | quartiles)
{
  echo "| variant | wall: median (ms) | quartiles | overhead: median of per-round differences (quartiles) | ratio of medians | CPU: median (ms) | overhead per round | ratio |"
  echo "|---|---|---|---|---|---|---|---|"
  times_cell() {
    if [ "$col" = 1 ]; then
      echo "$med | $q1-$q3 | $diff | $(echo "scale=3; $med / $base" | bc)"
    else
      echo "$med | $diff | $(echo "scale=3; $med / $base_cpu" | bc)"
    fi
  }
  table "$work/times" times_cell "${variants[@]}"
} | tee "$work/results.md"

# The same comparison without JVM start-up and shutdown, which carry most of the noise between processes:
# inside each Maven process, `validate` only, INFO lines stamped with Maven's log clock (milliseconds since
# its logger started, early in MavenCli's main, before core extensions load). Two spans: from that start to
# the start of the project's build ("Building ..."), which covers loading a core extension and its event spy;
# and from "Scanning for projects..." to "Building ...", which spans reading the POM, a build extension
# (realm, participant, token) and planning the build, but starts after a core extension's spy has run.
# The per-round difference to the baseline, as above. This overstates what a real build pays: a build
# extension's realm set-up also warms code (dependency collection) that a real build runs anyway later.
inproc=(baseline noop-ext warm buildext noop-core core)
[ -z "$compare" ] || inproc+=(warm-compare core-compare)
startup() { # $1 = variant; prints "start-to-Building scanning-to-Building" in ms
  MAVEN_OPTS="-Dorg.slf4j.simpleLogger.showDateTime=true" \
    "$mvn" -B -s "$work/settings.xml" -f "$work/$1/pom.xml" validate > "$work/$1-startup.log" 2>&1 \
    || { cat "$work/$1-startup.log"; exit 1; }
  awk '/^[0-9]+ \[INFO\] Scanning for projects/ && scanning == "" { scanning = $1 }
    /^[0-9]+ \[INFO\] Building / && building == "" { building = $1 }
    END { print building, building - scanning }' "$work/$1-startup.log"
}
for v in "${inproc[@]}"; do : > "$work/startup-$v"; done
for _ in $(seq 1 "$runs"); do
  for v in "${inproc[@]}"; do startup "$v" >> "$work/startup-$v"; done
done
{
  echo
  echo "Inside the Maven process (validate, $runs rounds, ms; overhead = median of per-round differences to the baseline, quartiles):"
  echo "| variant | Maven's start to the project's build | overhead | \"Scanning for projects\" to the project's build | overhead |"
  echo "|---|---|---|---|---|"
  startup_cell() { echo "$med ($q1-$q3) | $diff"; }
  table "$work/startup" startup_cell "${inproc[@]}"
} | tee -a "$work/results.md"

# Where a warm build's extra time goes, measured inside the Maven process (so neither JVM start-up nor the
# machine's noise between processes counts): Maven's -X lines with timestamps, for the plugin and for the
# no-op extension, interleaved. Phases (Maven 3.9 debug lines): collecting the extension's dependencies,
# creating and indexing its class realm, and looking up plus running the lifecycle participants.
phases() { # $1 = log; prints "collect realm participants total" in ms
  awk 'function ms(s, a) { split(substr(s, 1, 12), a, /[:.]/); return ((a[1] * 60 + a[2]) * 60 + a[3]) * 1000 + a[4] }
    /^[0-9][0-9]:[0-9][0-9]:[0-9][0-9][.][0-9][0-9][0-9] / { t = ms($0); if (first == "") first = t; last = t }
    /Creating adapter using nameMapper/ && ext == "" { adapter = t }
    /Dependency collection stats/ && ext == "" { collected = t; from = adapter }
    /Populating class realm extension/ { populate = t }
    /Extension realms for project/ && ext == "" { ext = t }
    /Looking up lifecycle mappings/ && ext != "" && look == "" { look = t }
    /REACTOR BUILD PLAN/ && look != "" && plan == "" { plan = t }
    END { print collected - from, ext - populate, plan - look, last - first }' "$1"
}
# $runs rounds of `validate -X` of each variant $3..., its lines stamped HH:mm:ss.SSS (log in $work/VARIANT-X.log):
# the function $1 turns each log into a line of phase times in $work/phases-VARIANT; the command $2 runs after each
# round (while the round's logs are there).
x_rounds() {
  local parse=$1 after=$2 v
  shift 2
  for v in "$@"; do : > "$work/phases-$v"; done
  for _ in $(seq 1 "$runs"); do
    for v in "$@"; do
      MAVEN_OPTS="-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS" \
        "$mvn" -B -X -s "$work/settings.xml" -f "$work/$v/pom.xml" validate > "$work/$v-X.log" 2>&1
      "$parse" "$work/$v-X.log" >> "$work/phases-$v"
    done
    $after
  done
}
xvariants=(noop-ext warm)
[ -z "$compare" ] || xvariants+=(warm-compare)
x_rounds phases : "${xvariants[@]}"
# A table of phase medians: $1 = floor's name, $2 = plugin's name, then the phase names, --, the variants
# (the floor first). A compare variant adds its column and its own difference to the floor.
phase_table() {
  local floor=$1 name=$2 phases=() vs=() col=1 header sep row n m
  shift 2
  while [ "$1" != -- ]; do phases+=("$1"); shift; done
  shift
  vs=("$@")
  header="| phase | $floor | $name | difference"
  sep="|---|---|---|---"
  if [ ${#vs[@]} -gt 2 ]; then header="$header | $name, BENCH_COMPARE's jar | difference"; sep="$sep|---|---"; fi
  echo "$header |"
  echo "$sep|"
  for phase in "${phases[@]}"; do
    n=$(cut -d' ' -f$col "$work/phases-${vs[0]}" | quartiles | cut -d' ' -f1)
    row="| $phase | $n"
    for v in "${vs[@]:1}"; do
      m=$(cut -d' ' -f$col "$work/phases-$v" | quartiles | cut -d' ' -f1)
      row="$row | $m | $((m - n))"
    done
    echo "$row |"
    col=$((col + 1))
  done
}
{
  echo
  echo "Inside the Maven process (-X timestamps, median of $runs builds each, ms):"
  phase_table "no-op extension" "plugin, warm cache" "collect the extension's dependencies" \
    "create and index its class realm" "look up and run participants" "whole build (first to last log line)" \
    -- "${xvariants[@]}"
} | tee -a "$work/results.md"

# The plugin's own share of a warm build, from the -X line of its participant (median of 5 builds).
for _ in 1 2 3 4 5; do
  "$mvn" -B -X -s "$work/settings.xml" -f "$work/warm/pom.xml" validate 2>&1 \
    | sed -n 's/.*CodeArtifact build extension done in \([0-9]*\) ms.*/\1/p'
done > "$work/inside"
echo "| (inside the plugin's participant, warm, median of 5 builds with -X) | | | $(quartiles < "$work/inside" | cut -d' ' -f1) | |" \
  | tee -a "$work/results.md"

# The same for the core extension against the no-op core extension: Maven's -X lines of 3.9, from the first
# (reading the settings to resolve the extensions of .mvn/extensions.xml) to the class realm, to the
# container with the extension's components ("Message scheme"), to "Scanning for projects" (settings,
# toolchains and the event spy on the execution request: where the core extension gets its token).
core_phases() { # $1 = log; prints "resolve realm spy participants total" in ms
  awk 'function ms(s, a) { split(substr(s, 1, 12), a, /[:.]/); return ((a[1] * 60 + a[2]) * 60 + a[3]) * 1000 + a[4] }
    /^[0-9][0-9]:[0-9][0-9]:[0-9][0-9][.][0-9][0-9][0-9] / { t = ms($0); if (first == "") first = t; last = t }
    /Populating class realm coreExtension>/ && realm == "" { realm = t }
    /Message scheme:/ && scheme == "" { scheme = t }
    /\[INFO\] Scanning for projects/ && scanning == "" { scanning = t }
    /Looking up lifecycle mappings/ && look == "" { look = t }
    /REACTOR BUILD PLAN/ && look != "" && plan == "" { plan = t }
    END { print realm - first, scheme - realm, scanning - scheme, plan - look, last - first }' "$1"
}
cvariants=(noop-core core)
[ -z "$compare" ] || cvariants+=(core-compare)
: > "$work/inside-core"
inside_core_round() { sed -n 's/.*CodeArtifact core extension done in \([0-9]*\) ms.*/\1/p' "$work/core-X.log" >> "$work/inside-core"; }
x_rounds core_phases inside_core_round "${cvariants[@]}"
{
  echo
  echo "The core extension inside the Maven process (-X timestamps, median of $runs builds each, ms):"
  phase_table "no-op core extension" "plugin as core extension, warm cache" \
    "resolve the extension (.mvn/extensions.xml)" "create its class realm and Maven's container with its components" \
    "settings, toolchains and the event spy (the core extension's token)" "look up and run participants" \
    "whole build (first to last log line)" -- "${cvariants[@]}"
  if [ -s "$work/inside-core" ]; then inside_core=$(quartiles < "$work/inside-core" | cut -d' ' -f1); else inside_core="n/a"; fi
  echo "| (inside the core extension's event spy, median of $runs builds with -X) | | | $inside_core |"
} | tee -a "$work/results.md"

echo
echo "Token requests for the warm, buildext and core variants over all their builds: $(curl -s "$url/_standin/count?domain=bench-warm") (expected 1)"
[ -z "$compare" ] || echo "Token requests for warm-compare and core-compare: $(curl -s "$url/_standin/count?domain=bench-compare") (expected 1)"

# 8 builds at once on an empty cache: one token request between them.
rm -rf "$work/cache-concurrent"
project "$work/concurrent" "$(plugin bench-concurrent)"
pids=()
for i in $(seq 1 8); do
  CODEARTIFACT_CACHE_DIR="$work/cache-concurrent" "$mvn" -B -q -s "$work/settings.xml" -f "$work/concurrent/pom.xml" validate \
    > "$work/concurrent-$i.log" 2>&1 & pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
echo "8 concurrent builds, empty cache: $(curl -s "$url/_standin/count?domain=bench-concurrent") token request(s) (expected 1)"

# A 50-module reactor built with -T 2: one token request.
mkdir -p "$work/reactor"
modules=""
for i in $(seq 1 50); do
  modules="$modules<module>m$i</module>"
  mkdir -p "$work/reactor/m$i"
  echo "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion><parent><groupId>bench</groupId><artifactId>reactor</artifactId><version>1.0</version></parent><artifactId>m$i</artifactId></project>" > "$work/reactor/m$i/pom.xml"
done
cat > "$work/reactor/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>reactor</artifactId><version>1.0</version><packaging>pom</packaging>
  <modules>$modules</modules>
  <repositories><repository><id>codeartifact</id><url>$url/maven/protected/</url></repository></repositories>
  <dependencies><dependency><groupId>dev.codeartifact.protected</groupId><artifactId>lib-bench</artifactId><version>1.0</version></dependency></dependencies>
  <build><plugins>$(plugin bench-reactor | sed 's#</plugin>#<executions><execution><goals><goal>authenticate</goal></goals></execution></executions></plugin>#')</plugins></build>
</project>
POM
"$mvn" -B -q -T 2 -s "$work/settings.xml" -f "$work/reactor/pom.xml" initialize -Dcodeartifact.cache=false > "$work/reactor.log" 2>&1 || { cat "$work/reactor.log"; exit 1; }
echo "50-module reactor (-T 2, cache off): $(curl -s "$url/_standin/count?domain=bench-reactor") token request(s) (expected 1)"
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -n 1), Maven $("$mvn" -v | head -n 1 | sed 's/\x1b\[[0-9;]*m//g')"
