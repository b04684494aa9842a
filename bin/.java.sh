# Sourced by the bin/ launchers: which java they run, and their start-up caches. $root is the
# repository root.
#
# Which java: FLICKR_DYNAMIC_JAVA when set; otherwise a Java 25 or later when one is found (JAVA_HOME,
# then PATH, then /usr/lib/jvm/*), otherwise JAVA_HOME's java, otherwise the java on PATH. A JDK's
# release is read from its release file, so choosing starts no process.
#
# A cache (a Java 25 ahead-of-time cache, JEP 483/514/515, or an AppCDS archive) is used only while its
# key (the java binary, the options, the main class, the class path) is the one it was made for and
# it is newer than the java binary and every jar of the class path, so a rebuilt jar gets a new one.

# Sets major to JAVA_BINARY's feature release (0 when unknown), from the release file of its JDK.
release_of() {
  local bin="$1" line
  major=0
  [ -x "$bin" ] || return 0
  [ -L "$bin" ] && bin="$(readlink -f "$bin")"
  [ -r "${bin%/bin/java}/release" ] || return 0
  while IFS= read -r line; do
    case "$line" in
      JAVA_VERSION=*) line="${line#JAVA_VERSION=\"}"; line="${line%%[.\"]*}"
                      [[ "$line" =~ ^[0-9]+$ ]] && major="$line"; return 0 ;;
    esac
  done < "${bin%/bin/java}/release"
}

# Sets path_java to the java that PATH finds (empty when none), without forking a process.
find_path_java() {
  local d dirs
  path_java=""
  IFS=: read -ra dirs <<< "${PATH:-}"
  for d in "${dirs[@]}"; do
    if [ -x "${d:-.}/java" ] && [ ! -d "${d:-.}/java" ]; then
      path_java="${d:-.}/java"
      return 0
    fi
  done
}

# Sets java and major, as the comment at the top says.
choose_java() {
  local candidate path_java
  if [ -n "${FLICKR_DYNAMIC_JAVA:-}" ]; then
    java="$FLICKR_DYNAMIC_JAVA"
    release_of "$java"
    return 0
  fi
  find_path_java
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} ${path_java:+"$path_java"} /usr/lib/jvm/*/bin/java; do
    release_of "$candidate"
    if [ "$major" -ge 25 ]; then
      java="$candidate"
      return 0
    fi
  done
  java="$path_java"
  [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && java="$JAVA_HOME/bin/java"
  [ -n "$java" ] || { echo "flickr-dynamic: no java found (set JAVA_HOME or FLICKR_DYNAMIC_JAVA)" >&2; exit 2; }
  release_of "$java"
}

# Whether FILE was made for KEY (stored in CACHE.key) after the java binary and every jar of CLASSPATH.
cache_fresh() { # FILE CACHE KEY CLASSPATH
  local file="$1" cache="$2" key="$3" stored="" jar jars
  [ -f "$file" ] && [ -f "$cache.key" ] || return 1
  IFS= read -r -d '' stored < "$cache.key" || true
  [ "$stored" = "$key" ] || return 1
  [ "$file" -nt "$java" ] || return 1
  IFS=: read -ra jars <<< "$4"
  for jar in "${jars[@]}"; do
    [ ! -e "$jar" ] || [ "$file" -nt "$jar" ] || return 1
  done
}

# The ahead-of-time cache NAME (under target/aot/) of a Java 25 or later, for KEY and CLASSPATH.
# aot_needed says whether it must be made first: then the caller runs a short training run of its own
# with -XX:AOTCacheOutput="$aot_training" (JEP 514: the run records, its exit writes the cache), its
# output discarded, and calls aot_done. aot_use then sets aot to the options that use the cache, or to
# nothing (no fresh cache, an older Java, or FLICKR_DYNAMIC_CDS=off). The user's own run is never the
# training run: the JVM prints a line on standard output when it records one.
aot_needed() { # NAME KEY CLASSPATH
  aot=()
  aot_training=""
  aot_cache="$root/target/aot/$1-java$major.aot" aot_key="$2" aot_cp="$3"
  [ "$major" -ge 25 ] && [ "${FLICKR_DYNAMIC_CDS:-on}" != off ] || return 1
  ! cache_fresh "$aot_cache" "$aot_cache" "$aot_key" "$aot_cp" \
    && ! cache_fresh "$aot_cache.failed" "$aot_cache" "$aot_key" "$aot_cp" && mkdir -p "$root/target/aot" 2>/dev/null \
    || return 1
  echo "flickr-dynamic: preparing an ahead-of-time cache for fast starts (once per build)..." >&2
  rm -f "$aot_cache" "$aot_cache.failed" "$aot_cache.key"
  aot_training="$root/target/aot/$$.tmp"
}

aot_done() {
  if [ -s "$aot_training" ]; then
    mv -f "$aot_training" "$aot_cache"
  else
    rm -f "$aot_training"
    touch "$aot_cache.failed"
  fi
  printf '%s' "$aot_key" > "$aot_cache.key"
}

aot_use() {
  aot=()
  if [ "$major" -ge 25 ] && [ "${FLICKR_DYNAMIC_CDS:-on}" != off ] \
      && cache_fresh "$aot_cache" "$aot_cache" "$aot_key" "$aot_cp"; then
    aot=(-XX:AOTCache="$aot_cache" -Xlog:aot*=off,cds*=off)
  fi
}
