#!/usr/bin/env bash
# End-to-end demo without an AWS account: builds and installs the plugin, starts the project's local
# CodeArtifact stand-in (token API + a protected Maven repository) and builds demo/project against it:
#   1. without the plugin: Maven gets 401 from the protected repository;
#   2. with the plugin: the token is fetched and the dependency resolves;
#   3. again: the token comes from the disk cache, no new token request.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/target/demo"
rm -rf "$work" && mkdir -p "$work"

echo "==> Building and installing the plugin (./mvnw install, tests skipped)"
./mvnw -B -q install -DskipTests
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)

echo "==> Starting the CodeArtifact stand-in on 127.0.0.1"
source demo/standin.sh
start_standin "$work"
echo "    stand-in at $url"

mkdir -p "$work/project"
sed -e "s#STANDIN_URL#$url#" -e "s#PLUGIN_VERSION#$version#" demo/project/pom.xml > "$work/project/pom.xml"
# The protected artifact must really come from the protected repository each time.
rm -rf "${HOME}/.m2/repository/dev/codeartifact/protected/lib-demo"

# What a developer machine has: AWS credentials (fake ones the stand-in accepts) and, here only, the
# endpoint override that points the AWS SDK at the stand-in instead of AWS.
export AWS_ACCESS_KEY_ID=AKIASTANDINTEST00000 AWS_SECRET_ACCESS_KEY=standin-secret-key-not-a-real-one
export AWS_ENDPOINT_URL_CODEARTIFACT="$url" AWS_EC2_METADATA_DISABLED=true
export CODEARTIFACT_CACHE_DIR="$work/cache"

echo
echo "==> 1. Plain build, plugin skipped (-Dcodeartifact.skip=true): the repository answers 401"
if ./mvnw -B -f "$work/project/pom.xml" verify -Dcodeartifact.skip=true > "$work/build-1.log" 2>&1; then
  echo "    unexpected: the build passed without a token"; exit 1
fi
grep -m 1 -E "401|Unauthorized" "$work/build-1.log" | sed 's/^/    /'

echo
echo "==> 2. Same build with the plugin: token fetched, dependency resolved"
./mvnw -B -f "$work/project/pom.xml" verify > "$work/build-2.log" 2>&1 || { cat "$work/build-2.log"; exit 1; }
grep -E "CodeArtifact token|BUILD SUCCESS" "$work/build-2.log" | sed 's/^/    /'

echo
echo "==> 3. Again: the token comes from the disk cache"
rm -rf "${HOME}/.m2/repository/dev/codeartifact/protected/lib-demo"
./mvnw -B -f "$work/project/pom.xml" verify > "$work/build-3.log" 2>&1 || { cat "$work/build-3.log"; exit 1; }
grep -E "CodeArtifact token|BUILD SUCCESS" "$work/build-3.log" | sed 's/^/    /'

echo
echo "Token requests the stand-in received for domain demo: $(curl -s "$url/_standin/count?domain=demo") (one for two builds)"
for f in "$work"/build-*.log; do
  while read -r t; do
    if [ -n "$t" ] && grep -qF "$t" "$f"; then echo "LEAK: a token appears in $f"; exit 1; fi
  done < "$work/standin/issued-tokens.txt"
done
echo "No issued token appears in any build log. Logs: $work/build-*.log"
