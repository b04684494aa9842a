# Sourced by the bin/ launchers: builds the jar if it is missing and sets FLICKR_DYNAMIC_CP to an
# explicit list of jars (jshell does not expand class-path wildcards). $root is the repository root.
# Globs and builtins only: a command's start should not wait for processes forked to list a folder.
find_jar() {
  local f
  jar=""
  for f in "$root"/target/flickr-dynamic-*.jar; do
    case "$f" in *-sources.jar|*-javadoc.jar|*-tests.jar) ;; *) [ -f "$f" ] && { jar="$f"; return 0; } ;; esac
  done
  return 0 # no jar yet is not a failure: the caller builds it (and the launchers run under set -e)
}
find_jar
if [ -z "$jar" ] || [ ! -d "$root/target/lib" ] || [ ! -d "$root/target/cli-lib" ]; then
  echo "flickr-dynamic: building the jar (first use)..." >&2
  mkdir -p "$root/target"
  if ! (cd "$root" && mvn -B -q -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip package) > "$root/target/first-build.log" 2>&1; then
    cat "$root/target/first-build.log" >&2
    echo "flickr-dynamic: the build failed (log above, also in target/first-build.log)" >&2
    exit 2
  fi
  find_jar
fi
FLICKR_DYNAMIC_CP="$jar"
for dep in "$root"/target/lib/*.jar "$root"/target/cli-lib/*.jar; do
  FLICKR_DYNAMIC_CP="$FLICKR_DYNAMIC_CP:$dep"
done
