# Sourced by bin/bench: ours, the baseline, Flickr4Java and flickr-sdk against the static server of
# bin/.static-server.sh, in one run, interleaved, so that every figure shares the machine's state.
# $root is the repository root, $cp the bench class path.

java17="${JAVA17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}/bin/java"
java25="$({ ls -d ${JAVA25_HOME:+"$JAVA25_HOME"} /usr/lib/jvm/*25* 2> /dev/null || true; } | head -n 1)/bin/java"
[ -x "$java17" ] || java17="$(command -v java)"
[ -x "$java25" ] || java25=""
node_dir="$root/src/test/node"

peer_classpaths() {
  # Each client alone on its class path, as a program using it would have it: the probes (copied out of
  # the test classes, whose logging provider and services the peers must not see), the client's jars.
  local probes="$root/target/bench-peers" jar f4j
  rm -rf "$probes"
  mkdir -p "$probes/org/flickrdynamic/peers"
  cp "$root"/target/test-classes/org/flickrdynamic/peers/*.class "$probes/org/flickrdynamic/peers/"
  jar="$(ls "$root"/target/flickr-dynamic-*.jar | grep -v -e '-sources' -e '-javadoc' -e '-tests' -e original | head -n 1)"
  f4j="$(tr ':' '\n' < "$root/target/bench.classpath" | grep -e /flickr4java/ -e /scribejava- -e /jackson- -e /slf4j-api/ | paste -sd:)"
  OURS_CP="$probes:$jar:$(ls "$root"/target/lib/*.jar | paste -sd:)"
  F4J_CP="$probes:$f4j"
  # The load program holds all three clients' classes; it loads only the one it is asked for.
  LOAD_CP="$OURS_CP:$f4j"
}

node_ready() {
  command -v node > /dev/null || { echo "bin/bench: node is not installed (flickr-sdk runs on it)" >&2; return 1; }
  if [ ! -d "$node_dir/node_modules/flickr-sdk" ]; then
    echo "bin/bench: npm ci in src/test/node (flickr-sdk 7.1.0, first use)..." >&2
    (cd "$node_dir" && npm ci --silent --no-audit --no-fund) >&2
  fi
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

cold_static() {
  local rounds="${COLD_ROUNDS:-7}" labels=() commands=() out="$root/target/bench-cold-static"
  command -v hyperfine > /dev/null || { echo "bin/bench: cold --static needs hyperfine (apt-get install hyperfine)" >&2; return 1; }
  local env="FLICKR_ENDPOINT=$STATIC_URL FLICKR_API_KEY=bench"
  labels+=("bin/flickr, Java 17 (class-data archive)")
  commands+=("env $env FLICKR_DYNAMIC_JAVA=$java17 $root/bin/flickr flickr.test.echo foo=bar")
  if [ -n "$java25" ]; then
    labels+=("bin/flickr, Java 25 (AOT cache)")
    commands+=("env $env FLICKR_DYNAMIC_JAVA=$java25 $root/bin/flickr flickr.test.echo foo=bar")
  fi
  labels+=("the library, plain java -cp, Java 17")
  commands+=("$java17 -cp $OURS_CP org.flickrdynamic.peers.FirstCallOurs $STATIC_URL")
  labels+=("Flickr4Java 3.0.9, plain java -cp, Java 17")
  commands+=("$java17 -cp $F4J_CP org.flickrdynamic.peers.FirstCallFlickr4Java $STATIC_URL")
  if [ -n "$java25" ]; then
    labels+=("the library, plain java -cp, Java 25")
    commands+=("$java25 -cp $OURS_CP org.flickrdynamic.peers.FirstCallOurs $STATIC_URL")
    labels+=("Flickr4Java 3.0.9, plain java -cp, Java 25")
    commands+=("$java25 -cp $F4J_CP org.flickrdynamic.peers.FirstCallFlickr4Java $STATIC_URL")
  fi
  labels+=("flickr-sdk 7.1.0, Node $(node --version)")
  commands+=("node $node_dir/bench.mjs cold $STATIC_ORIGIN")
  labels+=("an empty JVM (java -version), Java 17")
  commands+=("$java17 -Xshare:auto -version")
  labels+=("an empty Node (node -e 0)")
  commands+=("node -e 0")
  local k
  for k in "${!commands[@]}"; do # each must work, and the launchers make their caches now
    ${commands[$k]} > /dev/null 2> "$out.err" || { cat "$out.err" >&2; echo "bin/bench: failed: ${labels[$k]}" >&2; return 1; }
  done
  rm -f "$out".*.times
  echo "== cold: spawn to exit, one flickr.test.echo against the static server ($rounds rounds of 3 runs each, interleaved)"
  for ((r = 0; r < rounds; r++)); do
    hyperfine -N -w 1 -r 3 --export-json "$out.json" "${commands[@]}" > /dev/null 2> "$out.err" \
      || { cat "$out.err" >&2; return 1; }
    for k in "${!commands[@]}"; do
      jq -r ".results[$k].times[]" "$out.json" >> "$out.$k.times"
    done
  done
  for k in "${!commands[@]}"; do
    printf '  %-46s %6.1f ms\n' "${labels[$k]}" "$(median < "$out.$k.times" | awk '{ print $1 * 1000 }')"
  done | tee "$root/target/bench-cold-static.txt"
}

search_static() {
  local seconds="${SEARCH_SECONDS:-10}" threads client figures
  echo "== search: 500-photo pages against the static server, ${seconds} s warm-up then ${seconds} s measured each;"
  echo "   CPU per page is the client process's own (every thread: work, GC, JIT); the server is another process"
  printf '  %-34s %14s %14s\n' "" "pages/s" "CPU ms/page"
  for threads in 1 8; do
    for client in ours baseline flickr4java flickr-sdk; do
      if [ "$client" = flickr-sdk ]; then
        figures="$(node "$node_dir/bench.mjs" search "$STATIC_ORIGIN" "$threads" "$seconds" "$seconds")"
      else
        figures="$("$java17" -cp "$LOAD_CP" org.flickrdynamic.peers.SearchLoad "$client" "$threads" "$seconds" "$seconds" \
          "$STATIC_URL" 2> /dev/null)"
      fi
      read -r rate cpu <<< "$figures"
      printf '  %-34s %14s %14s\n' "$client, $([ "$threads" = 1 ] && echo sequential || echo "$threads threads")" "$rate" "$cpu"
    done
  done | tee "$root/target/bench-search-static.txt"
  echo "== search: allocation per page, sequential (JMH gc profiler; gc.alloc.rate.norm is bytes per page)"
  echo "   the page alone; then every photo's attributes read by name (EveryValue), as Attribute objects (EveryAttribute)"
  java -cp "$cp" org.openjdk.jmh.Main 'org\.flickrdynamic\.SearchBenchmark\.search(Ours|Baseline)(EveryValue|EveryAttribute)?$' \
    -p endpoint="$STATIC_URL" -prof gc -jvmArgsAppend -Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider \
    -rf text -rff "$root/target/bench-search-alloc.txt" "$@" > "$root/target/bench-search-alloc.log"
  grep -E 'Benchmark|thrpt|gc.alloc.rate.norm' "$root/target/bench-search-alloc.txt" | grep -v -e 'gc.count' -e 'gc.time'
}

memory_static() {
  local calls="${MEMORY_CALLS:-200}" label kb
  echo "== memory: peak resident set of a process making $calls search-page calls (/usr/bin/time -v)"
  local labels=("ours, bin/.jvm's options (the launchers'), Java 17"
                "ours, plain java, Java 17"
                "baseline, plain java, Java 17"
                "Flickr4Java, plain java, Java 17"
                "flickr-sdk, Node $(node --version)")
  local commands=("env FLICKR_DYNAMIC_CDS=off FLICKR_DYNAMIC_JAVA=$java17 $root/bin/.jvm -cp $LOAD_CP org.flickrdynamic.peers.SearchLoad ours calls $calls $STATIC_URL"
                  "$java17 -cp $LOAD_CP org.flickrdynamic.peers.SearchLoad ours calls $calls $STATIC_URL"
                  "$java17 -cp $LOAD_CP org.flickrdynamic.peers.SearchLoad baseline calls $calls $STATIC_URL"
                  "$java17 -cp $LOAD_CP org.flickrdynamic.peers.SearchLoad flickr4java calls $calls $STATIC_URL"
                  "node $node_dir/bench.mjs calls $STATIC_ORIGIN $calls")
  if [ -n "$java25" ]; then
    labels+=("ours, bin/.jvm's options, Java 25")
    commands+=("env FLICKR_DYNAMIC_CDS=off FLICKR_DYNAMIC_JAVA=$java25 $root/bin/.jvm -cp $LOAD_CP org.flickrdynamic.peers.SearchLoad ours calls $calls $STATIC_URL")
  fi
  local k r
  rm -f "$root"/target/bench-memory.*.kb
  for r in 1 2 3; do # interleaved; the median of three
    for k in "${!commands[@]}"; do
      /usr/bin/time -f '%M' -o "$root/target/bench-memory.kb" ${commands[$k]} > /dev/null 2> /dev/null \
        || { echo "bin/bench: failed: ${labels[$k]}" >&2; return 1; }
      cat "$root/target/bench-memory.kb" >> "$root/target/bench-memory.$k.kb"
    done
  done
  for k in "${!commands[@]}"; do
    printf '  %-46s %6.1f MB\n' "${labels[$k]}" "$(median < "$root/target/bench-memory.$k.kb" | awk '{ print $1 / 1024 }')"
  done | tee "$root/target/bench-memory.txt"
}

peers() { # MODE [JMH options]
  local mode="$1"
  shift
  peer_classpaths
  node_ready
  static_start
  echo "   machine: $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1), load $(cut -d' ' -f1-3 /proc/loadavg);" \
    "$("$java17" -version 2>&1 | head -n 1)${java25:+; $("$java25" -version 2>&1 | head -n 1)}"
  case "$mode" in
    cold) cold_static ;;
    search) search_static "$@" ;;
    memory) memory_static ;;
    peers) cold_static; search_static "$@"; memory_static ;;
  esac
  static_stop
}
