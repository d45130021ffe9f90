#!/usr/bin/env bash
# Release check (issue 17): makes a release of this checkout into a local folder, signed with a throwaway
# GPG key created for this run, and checks the bundle the way Maven Central validates one:
#   - for the jar, the POM, the sources jar, the javadoc jar and maven-artifact-plugin's .buildinfo (and any
#     other file of the release): the file, its .asc signature and its .md5, .sha1 (.sha256, .sha512)
#     checksums;
#   - every signature verifies against the throwaway key, every checksum matches its file;
#   - the POM has name, description, url, a license (name and url), scm (url, connection) and a developer,
#     and no dependencies (the installed POM is the flattened one on purpose);
#   - the plugin jar carries META-INF/LICENSE and META-INF/NOTICE, and so does its nested SDK jar.
# Prints one closing line "release-check: N passed, M failed" and exits non-zero on any failure.
#
# Usage: src/test/release/check-release.sh [extra Maven arguments]
# The release is built from a copy of the work tree (tracked and untracked, not ignored, files) with the
# version's -SNAPSHOT removed; nothing is installed into the local repository and nothing is uploaded
# (central-publishing-maven-plugin's -DskipUpload). Keep the bundle with KEEP_RELEASE_DIR=/some/dir.
set -uo pipefail
check_name=release-check
. "$(dirname "$0")/common.sh"
need gpg:gnupg unzip:unzip python3:python3

work=$(mktemp -d "${TMPDIR:-/tmp}/release-check.XXXXXX")
export GNUPGHOME="$work/gnupg"
cleanup() {
  gpgconf --kill all >/dev/null 2>&1
  if [ -n "${KEEP_RELEASE_DIR:-}" ] && [ -d "$work/bundle" ]; then
    mkdir -p "$KEEP_RELEASE_DIR" && cp -r "$work/bundle/." "$work/release.log" "$KEEP_RELEASE_DIR/"
  fi
  rm -rf "$work"
}
trap cleanup EXIT


# 1. A throwaway signing key, without passphrase, in a GNUPGHOME of this run only.
mkdir -m 700 "$GNUPGHOME"
if ! gpg --batch --quiet --passphrase '' --quick-generate-key \
    'codeartifact-maven-plugin release check <release-check@example.invalid>' ed25519 sign 1d >"$work/gpg.log" 2>&1; then
  cat "$work/gpg.log"; fail "create a throwaway GPG key"; finish
fi
fpr=$(gpg --batch --with-colons --list-secret-keys 2>/dev/null | awk -F: '$1 == "fpr" { print $10; exit }')

# 2. The release, from a copy of the work tree with the release version.
src="$work/src"
copy_tree "$src"
snapshot=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$src/pom.xml" | head -n 1)
version=${snapshot%-SNAPSHOT}
sed -i "0,/^  <version>.*<\/version>/s||  <version>$version</version>|" "$src/pom.xml"
start=$(date +%s)
if ! (cd "$src" && ./mvnw -B deploy -Prelease \
      -DskipTests -Dmaven.install.skip=true \
      -DskipUpload=true -Dgpg.keyname="$fpr" "$@") >"$work/release.log" 2>&1; then
  tail -n 60 "$work/release.log"
  fail "release build (./mvnw deploy -Prelease -DskipUpload=true)"; finish
fi
pass "release build"
echo "release build of $version: $(( $(date +%s) - start )) s"

# 3. The bundle, unpacked as the Portal does.
zip="$src/target/central-publishing/central-bundle.zip"
check "bundle $zip exists" test -s "$zip"
[ -s "$zip" ] || finish
mkdir -p "$work/bundle"
(cd "$work/bundle" && unzip -q "$zip") || { fail "unzip the bundle"; finish; }
dir="$work/bundle/dev/codeartifact/codeartifact-maven-plugin/$version"
base="$dir/codeartifact-maven-plugin-$version"
check "bundle folder dev/codeartifact/codeartifact-maven-plugin/$version" test -d "$dir"
for f in .jar .pom -sources.jar -javadoc.jar .buildinfo; do
  check "codeartifact-maven-plugin-$version$f in the bundle" test -s "$base$f"
done
check "nothing but $version in the bundle (no SNAPSHOT, no maven-metadata.xml)" \
  test -z "$(cd "$work/bundle" && find . -type f ! -path "./dev/codeartifact/codeartifact-maven-plugin/$version/*")"

# 4. Every file: signature and checksums.
for file in "$dir"/*; do
  case "$file" in *.asc|*.md5|*.sha1|*.sha256|*.sha512) continue ;; esac
  name=$(basename "$file")
  check "$name.asc verifies" gpg --batch --verify "$file.asc" "$file"
  for algo in md5 sha1 sha256 sha512; do
    if [ -f "$file.$algo" ]; then
      expected=$(tr -d ' \n\r' <"$file.$algo" | cut -c1-128)
      actual=$(${algo}sum "$file" | cut -d' ' -f1)
      check "$name.$algo matches" test "$expected" = "$actual"
    elif [ "$algo" = md5 ] || [ "$algo" = sha1 ]; then
      fail "$name.$algo missing"
    fi
  done
done

# 5. The POM: what Central requires, and still no dependencies.
pom="$base.pom"
if [ -s "$pom" ]; then
  python3 - "$pom" >"$work/pom-check.txt" <<'EOF'
import sys, xml.etree.ElementTree as ET
ns = {'m': 'http://maven.apache.org/POM/4.0.0'}
root = ET.parse(sys.argv[1]).getroot()
def text(path):
    e = root.find(path, ns)
    return (e.text or '').strip() if e is not None else ''
checks = [
    ('name', text('m:name')),
    ('description', text('m:description')),
    ('url', text('m:url')),
    ('licenses/license/name', text('m:licenses/m:license/m:name')),
    ('licenses/license/url', text('m:licenses/m:license/m:url')),
    ('scm/url', text('m:scm/m:url')),
    ('scm/connection', text('m:scm/m:connection')),
    ('developers/developer/name', text('m:developers/m:developer/m:name')),
]
for label, value in checks:
    print(('ok ' if value else 'missing ') + label)
print(('ok ' if root.find('m:dependencies', ns) is None else 'present ') + 'no <dependencies>')
EOF
  while read -r status label; do
    if [ "$status" = ok ]; then pass "POM $label"; else fail "POM $label: $status"; fi
  done <"$work/pom-check.txt"
  [ -s "$work/pom-check.txt" ] || fail "POM parses"
fi

# 6. License and notices inside the plugin jar and its nested SDK jar.
jar="$base.jar"
if [ -s "$jar" ]; then
  for entry in META-INF/LICENSE META-INF/NOTICE META-INF/codeartifact/aws-sdk.jar; do
    check "plugin jar has $entry" sh -c "unzip -l '$jar' '$entry' | grep -q '$entry'"
  done
  check "plugin jar NOTICE names the AWS SDK" sh -c "unzip -p '$jar' META-INF/NOTICE | grep -q 'AWS SDK for Java 2.0'"
  unzip -p "$jar" META-INF/codeartifact/aws-sdk.jar >"$work/aws-sdk.jar"
  for entry in META-INF/LICENSE META-INF/NOTICE; do
    check "nested aws-sdk.jar has $entry" sh -c "unzip -l '$work/aws-sdk.jar' '$entry' | grep -q '$entry'"
  done
fi

finish
