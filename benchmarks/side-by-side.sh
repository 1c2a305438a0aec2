#!/usr/bin/env bash
# Builds the benchmarks jar at two commits from clean clones and runs BookSideBySide on them: the two builds of the
# book measured turn and turn about, each in JVMs of its own, round after round (see that class's javadoc).
#
#   benchmarks/side-by-side.sh rebuild|events COMMIT_A COMMIT_B [rounds] [pairs a round] [warm-up pairs a round]
#
# The harness itself runs from B's jar when B has it, else from a build of HEAD. Jars are kept in
# ${SIDE_BY_SIDE_JARS:-target/side-by-side} and reused when present (delete them to rebuild). Extra Maven flags (-o)
# come from MAVEN_ARGS.
set -euo pipefail
if [ $# -lt 3 ]; then
  sed -n '2,9p' "$0"; exit 2
fi
mode=$1; a=$(git rev-parse --short "$2"); b=$(git rev-parse --short "$3"); shift 3
repo=$(git rev-parse --show-toplevel)
jars=${SIDE_BY_SIDE_JARS:-$repo/target/side-by-side}
mkdir -p "$jars"
build() {
  local commit=$1 out=$jars/$1.jar
  if [ ! -f "$out" ]; then
    local dir; dir=$(mktemp -d)
    git clone -q "$repo" "$dir/src" && git -C "$dir/src" checkout -q "$commit"
    (cd "$dir/src" && mvn -B -ntp -q ${MAVEN_ARGS:-} -pl benchmarks -am -DskipTests package) >&2
    cp "$dir/src/benchmarks/target/benchmarks.jar" "$out"
    rm -rf "$dir"
  fi
  echo "$out"
}
jar_a=$(build "$a"); jar_b=$(build "$b")
harness=$jar_b
if ! unzip -l "$jar_b" | grep -q 'co/hotwax/preorder/benchmarks/BookSideBySide.class'; then
  harness=$(build "$(git rev-parse --short HEAD)")
fi
exec java -cp "$harness" \
  co.hotwax.preorder.benchmarks.BookSideBySide "$mode" "$jar_a" "$jar_b" "$@"
