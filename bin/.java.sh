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

# A start-up cache: a file the JVM starts from (an AppCDS archive, an AOT cache), made by a training run
# and kept beside its key (CACHE.key). cache_needed FILE KEY CLASSPATH WHAT says whether it must be made
# first: then it has announced it on stderr and set cache_training, the path the caller's training run
# writes; the caller then calls cache_done, which moves the result into place or, when there is none,
# leaves FILE.failed so that no later command tries again for this build. cache_usable says whether FILE
# is there and fresh. Both read cache_file, cache_key and cache_cp, which cache_needed sets.
cache_needed() { # FILE KEY CLASSPATH WHAT
  cache_file="$1" cache_key="$2" cache_cp="$3" cache_training=""
  [ "${FLICKR_DYNAMIC_CDS:-on}" != off ] || return 1
  ! cache_usable && ! cache_fresh "$cache_file.failed" "$cache_file" "$cache_key" "$cache_cp" \
    && mkdir -p "${cache_file%/*}" 2>/dev/null || return 1
  echo "flickr-dynamic: preparing $4 for fast starts (once per build)..." >&2
  rm -f "$cache_file" "$cache_file.failed" "$cache_file.key"
  cache_training="${cache_file%/*}/$$.tmp"
}

cache_done() {
  if [ -s "$cache_training" ]; then
    mv -f "$cache_training" "$cache_file"
  else
    rm -f "$cache_training"
    touch "$cache_file.failed"
  fi
  printf '%s' "$cache_key" > "$cache_file.key"
}

cache_usable() {
  [ "${FLICKR_DYNAMIC_CDS:-on}" != off ] && cache_fresh "$cache_file" "$cache_file" "$cache_key" "$cache_cp"
}

# The ahead-of-time cache NAME (under target/aot/) of a Java 25 or later, for KEY and CLASSPATH:
# aot_needed as cache_needed, with aot_training the training run's -XX:AOTCacheOutput (JEP 514: the run
# records, its exit writes the cache; its output is discarded), then aot_done. aot_use then sets aot to
# the options that use the cache, or to nothing (no fresh cache, an older Java, or FLICKR_DYNAMIC_CDS=off).
# The user's own run is never the training run: the JVM prints a line on standard output when it records one.
aot_needed() { # NAME KEY CLASSPATH
  aot=()
  aot_training=""
  cache_file="$root/target/aot/$1-java$major.aot" cache_key="$2" cache_cp="$3"
  [ "$major" -ge 25 ] && cache_needed "$cache_file" "$2" "$3" "an ahead-of-time cache" || return 1
  aot_training="$cache_training"
}

aot_done() {
  cache_done
}

aot_use() {
  aot=()
  if [ "$major" -ge 25 ] && cache_usable; then
    aot=(-XX:AOTCache="$cache_file" -Xlog:aot*=off,cds*=off)
  fi
}
