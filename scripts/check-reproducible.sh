#!/usr/bin/env bash
# Builds everything a release publishes twice, from two copies of the working tree at different paths and at
# different times, and compares the artifacts byte for byte. Exits 1 and names each artifact that differs.
#
#   scripts/check-reproducible.sh                 # every module (about twice a `-DskipTests` release build)
#   MODULES=spi,core scripts/check-reproducible.sh  # some modules (and what they need)
#   MVN_ARGS=-o scripts/check-reproducible.sh     # extra Maven arguments, e.g. offline
#
# Not part of `mvn verify`: two extra builds would double CI's time. Run it before a release and after a change to
# the build (a new plugin, a new generated source).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

work="$(mktemp -d "${TMPDIR:-/tmp}/preorder-sync-repro.XXXXXX")"
trap 'rm -rf "$work"' EXIT

select=()
if [[ -n "${MODULES:-}" ]]; then
  select=(-pl "$MODULES" -am)
fi

build() {
  local copy="$work/$1"
  mkdir -p "$copy"
  # The tracked files and the new ones not ignored: what would be committed, without any build output.
  git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$copy" 2>/dev/null || true
  # -f from the repository root, so a per-checkout ~/.mavenrc still picks this checkout's local repository.
  # shellcheck disable=SC2086
  mvn -B -ntp -q ${MVN_ARGS:-} -f "$copy/pom.xml" "${select[@]}" -P release -Dgpg.skip -DskipTests package \
    > "$work/$1.log" 2>&1 || { tail -50 "$work/$1.log"; echo "build $1 failed" >&2; exit 2; }
  (cd "$copy" && find . \( -path '*/target/*.jar' -o -name '.flattened-pom.xml' \) -type f -print0 \
    | sort -z | xargs -0 sha256sum) > "$work/$1.sha256"
}

build first
# Entry times come from project.build.outputTimestamp, not the clock: make sure the clock has moved on.
sleep 2
build second

count=$(wc -l < "$work/first.sha256")
if [[ "$count" -eq 0 ]]; then
  echo "no artifacts were built" >&2
  exit 2
fi
if diff <(cat "$work/first.sha256") <(cat "$work/second.sha256") > "$work/diff"; then
  echo "reproducible: $count artifacts identical across two builds"
  sed 's/^/  /' "$work/first.sha256"
else
  echo "NOT reproducible: these artifacts differ between two builds:" >&2
  grep '^>' "$work/diff" | awk '{print "  " $3}' >&2
  exit 1
fi
