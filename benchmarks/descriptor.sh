#!/usr/bin/env bash
# What the plugin's descriptor costs a build: Maven parses META-INF/maven/plugin.xml of an
# <extensions>true</extensions> plugin on every build, before the first project is built. Times Maven's own
# PluginDescriptorBuilder on the plugin's plugin.xml (all goals), on the same file with the authenticate goal
# only, and with no goal at all, each in a fresh JVM after two warm-up parses of the empty one (so the parser's
# classes are loaded, as in a build that has already read its POMs), alternating, median of N runs each, and
# the ratios against the empty descriptor measured in the same run.
# Usage: benchmarks/descriptor.sh [runs per variant, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
work="$(pwd)/target/bench-descriptor"
rm -rf "$work" && mkdir -p "$work"
./mvnw -B -q package -DskipTests
mvn_home=$(./mvnw -v 2>/dev/null | sed -n 's/^Maven home: //p')
cp=$(printf '%s:' "$mvn_home"/lib/*.jar "$mvn_home"/boot/*.jar)
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
(cd "$work" && jar xf "../codeartifact-maven-plugin-$version.jar" META-INF/maven/plugin.xml && mv META-INF/maven/plugin.xml all.xml)
# The same descriptor with fewer <mojo> elements: everything else stays byte for byte.
awk 'BEGIN { keep = 1 } /<mojo>/ { n++; keep = 0 } { if (keep || n == first) print } /<\/mojo>/ { keep = 1 }' first=1 "$work/all.xml" > "$work/authenticate.xml"
awk 'BEGIN { keep = 1 } /<mojo>/ { keep = 0 } { if (keep) print } /<\/mojo>/ { keep = 1 }' "$work/all.xml" > "$work/none.xml"
grep -q '<goal>authenticate</goal>' "$work/authenticate.xml" || { echo "the first goal is not authenticate" >&2; exit 1; }
cat > "$work/Parse.java" <<'JAVA'
import java.io.FileInputStream;
import java.io.Reader;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.codehaus.plexus.util.ReaderFactory;

/** Prints the microseconds Maven's PluginDescriptorBuilder takes for args[0], after two parses of args[1]. */
public class Parse {
  static long parse(String file) throws Exception {
    long t = System.nanoTime();
    try (Reader r = ReaderFactory.newXmlReader(new FileInputStream(file))) {
      new PluginDescriptorBuilder().build(r, file);
    }
    return (System.nanoTime() - t) / 1000;
  }

  public static void main(String[] args) throws Exception {
    parse(args[1]);
    parse(args[1]);
    System.out.println(parse(args[0]));
  }
}
JAVA
javac -nowarn -cp "$cp" -d "$work" "$work/Parse.java"
variants=(none authenticate all)
for v in "${variants[@]}"; do : > "$work/times-$v"; done
for _ in $(seq 1 "$runs"); do
  for v in "${variants[@]}"; do
    java -cp "$cp$work" Parse "$work/$v.xml" "$work/none.xml" >> "$work/times-$v"
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
base=$(median < "$work/times-none")
echo "| descriptor | goals | parameters | size (bytes) | median parse (ms) | ratio to no goal |"
echo "|---|---|---|---|---|---|"
for v in "${variants[@]}"; do
  m=$(median < "$work/times-$v")
  echo "| $v | $(grep -c '<mojo>' "$work/$v.xml" || true) | $(grep -c '<parameter>' "$work/$v.xml" || true) | $(wc -c < "$work/$v.xml") | $(echo "scale=1; $m / 1000" | bc) | $(echo "scale=2; $m / $base" | bc) |"
done
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -n 1), Maven $("$mvn_home/bin/mvn" -v | head -n 1 | sed 's/\x1b\[[0-9;]*m//g')"
