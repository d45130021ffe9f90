#!/usr/bin/env bash
# Reproducibility check (issue 17): two clean builds of this checkout, in two folders with different
# paths, time zones and locales, must produce byte-identical artifacts: the plugin jar (and the AWS SDK jar
# nested in it), the installed POM and the sources jar (the javadoc jar is left out, as by
# maven-artifact-plugin: javadoc output varies with the JDK). Both builds use umask 022, as rebuilders do:
# under umask 077 the sources jar records pom.properties as rw------- (maven-source-plugin 3.4.0); the
# plugin jar is rewritten by shade and does not depend on it.
#   build A deploys its release (version without -SNAPSHOT) into a local file repository, as Central would
#   hold it; build B rebuilds and runs maven-artifact-plugin's `artifact:compare` against that repository
#   (the check Reproducible Central makes: buildinfo of B against A's artifacts), then the jars are also
#   compared with cmp, entry listings shown on a difference.
# Prints one closing line "reproducibility-check: N passed, M failed" and exits non-zero on any failure.
#
# Usage: src/test/release/check-reproducible.sh [extra Maven arguments]
# (MAVEN_LOCAL_REPOSITORY: the local repository when it is not ~/.m2/repository)
set -uo pipefail
check_name=reproducibility-check
. "$(dirname "$0")/common.sh"
need unzip:unzip
work=$(mktemp -d "${TMPDIR:-/tmp}/reproducible-check.XXXXXX")
trap 'rm -rf "$work"' EXIT


# Two copies of the work tree (tracked and untracked, not ignored, files), release version.
copy() {
  copy_tree "$1"
  sed -i "0,/^  <version>\(.*\)-SNAPSHOT<\/version>/s||  <version>\1</version>|" "$1/pom.xml"
}
a="$work/a"; b="$work/second-build/b"
copy "$a"; copy "$b"
version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$a/pom.xml" | head -n 1)
ref="$work/reference-repo"
# The deploy and artifact:compare go through a local repository of this run (the user's serves as a
# read-only tail for Maven's plugins), so that no release of this project or its metadata lands in the
# user's local repository and no copy cached by an earlier run is compared instead.
tail_repo=${MAVEN_LOCAL_REPOSITORY:-$HOME/.m2/repository}
quiet=(-B -DskipTests -Dmaven.install.skip=true
  -Dmaven.repo.local="$work/local-repo" -Dmaven.repo.local.tail="$tail_repo")
sources=org.apache.maven.plugins:maven-source-plugin:3.4.0:jar-no-fork

start=$(date +%s)
if (cd "$a" && umask 022 && TZ=UTC ./mvnw "${quiet[@]}" clean "$sources" deploy \
      -DaltDeploymentRepository=reference::file://"$ref" "$@") >"$work/a.log" 2>&1; then
  pass "build A (deployed to a local reference repository)"
else
  tail -n 40 "$work/a.log"; fail "build A"; finish
fi
if (cd "$b" && umask 022 && TZ=Pacific/Auckland LC_ALL=C ./mvnw "${quiet[@]}" clean "$sources" verify artifact:compare \
      -Dreference.repo=reference-$$::file://"$ref" "$@") >"$work/b.log" 2>&1; then
  pass "build B and artifact:compare against build A"
else
  grep -E 'ERROR|WARN|ko=|reproducible|differ' "$work/b.log" | head -n 40; fail "build B / artifact:compare"
fi
echo "two builds: $(( $(date +%s) - start )) s"
grep -E '^\[INFO\] Reproducible Build output|^\[(WARNING|ERROR)\].*[Rr]eproducible' "$work/b.log" | head -n 5

# Byte for byte, whatever artifact:compare thought.
same() {
  if cmp -s "$1" "$2"; then pass "$3 identical"; else
    fail "$3 differs ($1 vs $2)"
    diff <(unzip -Zl "$1" 2>/dev/null) <(unzip -Zl "$2" 2>/dev/null) | head -n 20
  fi
}
jar="codeartifact-maven-plugin-$version.jar"
same "$a/target/$jar" "$b/target/$jar" "plugin jar $jar"
unzip -p "$a/target/$jar" META-INF/codeartifact/aws-sdk.jar >"$work/aws-sdk-a.jar"
unzip -p "$b/target/$jar" META-INF/codeartifact/aws-sdk.jar >"$work/aws-sdk-b.jar"
same "$work/aws-sdk-a.jar" "$work/aws-sdk-b.jar" "nested META-INF/codeartifact/aws-sdk.jar"
same "$a/target/installed-pom.xml" "$b/target/installed-pom.xml" "installed POM"
same "$a/target/codeartifact-maven-plugin-$version-sources.jar" "$b/target/codeartifact-maven-plugin-$version-sources.jar" "sources jar"
compare="$b/target/codeartifact-maven-plugin-$version.buildcompare"
if [ -s "$compare" ]; then
  summary=$(grep -E '^(ok|ko)=' "$compare" | tr '\n' ' ')
  echo "artifact:compare: $summary($(grep -E '^okFiles=' "$compare"))"
  case "$summary" in *"ko=0 "*) pass "artifact:compare: no difference" ;; *) fail "artifact:compare: $summary" ;; esac
else
  fail "artifact:compare wrote no $compare"
fi
finish
