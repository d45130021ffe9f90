#!/usr/bin/env bash
# Regenerates src/main/resources/dev/codeartifact/core/aws/sdk-classes.txt: the AWS SDK classes a cold token
# fetch loads, in load order, which SdkPreloader loads on a second core. Run it after changing the SDK version.
# Uses the local stand-in, like benchmarks/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/target/sdk-classes"
rm -rf "$work" && mkdir -p "$work"
./mvnw -B -q install -DskipTests
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
mvn_home=$(./mvnw -v 2>/dev/null | sed -n 's/^Maven home: //p')
source demo/standin.sh
start_standin "$work"
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>sdk-classes</artifactId><version>1.0</version><packaging>pom</packaging>
  <repositories><repository><id>codeartifact</id><url>$url/maven/protected/</url></repository></repositories>
  <build><plugins><plugin><groupId>dev.codeartifact</groupId><artifactId>codeartifact-maven-plugin</artifactId>
    <version>$version</version><extensions>true</extensions>
    <configuration><domain>sdk-classes</domain><serverIds>codeartifact</serverIds><region>us-east-1</region></configuration>
  </plugin></plugins></build>
</project>
POM
AWS_ACCESS_KEY_ID=AKIASTANDINTEST00000 AWS_SECRET_ACCESS_KEY=standin-secret-key-not-a-real-one \
AWS_ENDPOINT_URL_CODEARTIFACT="$url" AWS_EC2_METADATA_DISABLED=true \
MAVEN_OPTS="-Xlog:class+load:file=$work/classes.log -Dcodeartifact.preload=false" \
  "$mvn_home/bin/mvn" -B -q -f "$work/pom.xml" validate -Dcodeartifact.cache=false
# Then without the endpoint override, as most users run it: the SDK's endpoint rules and partition data load
# too. AWS is not reachable from here, so this build fails at the connection; the classes up to it count.
AWS_ACCESS_KEY_ID=AKIASTANDINTEST00000 AWS_SECRET_ACCESS_KEY=standin-secret-key-not-a-real-one \
AWS_EC2_METADATA_DISABLED=true \
MAVEN_OPTS="-Xlog:class+load:file=$work/classes-aws.log -Dcodeartifact.preload=false" \
  "$mvn_home/bin/mvn" -B -q -f "$work/pom.xml" validate -Dcodeartifact.cache=false -Dcodeartifact.connectTimeout=2 \
  > "$work/aws.out" 2>&1 || true
out=src/main/resources/dev/codeartifact/core/aws/sdk-classes.txt
{
  echo "# AWS SDK classes a cold token fetch loads, in load order (benchmarks/sdk-classes.sh writes this file)."
  cat "$work/classes.log" "$work/classes-aws.log" | grep -o '\] software\.amazon[^ ]*' | sed 's/^\] //' \
    | grep -v '\$\$Lambda\|/0x' | awk '!seen[$0]++'
} > "$out"
echo "$(grep -vc '^#' "$out") classes written to $out"
