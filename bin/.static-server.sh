# Sourced by bin/bench: a static Flickr on loopback, nginx serving pre-rendered answers, so that what a
# benchmark measures is the clients and not the server. $root is the repository root, $cp the bench
# class path. static_start sets STATIC_URL (the REST URL) and STATIC_ORIGIN; nginx is stopped when the
# script exits, however it exits (Ctrl-C included).
#
# Answers by the request's own arguments, whatever the path's form (/services/rest, with or without the
# slash): method=flickr.photos.search gets the 500-photo page, anything else the flickr.test.echo answer
# (so a POST, whose arguments nginx does not read, is an echo); format=json gets JSON, anything else XML;
# gzipped when the client asks for it. A POST is answered like a GET.

static_dir="$root/target/bench-static"
static_pid=""

static_stop() {
  if [ -n "$static_pid" ]; then
    kill "$static_pid" 2>/dev/null || true
    wait "$static_pid" 2>/dev/null || true
    static_pid=""
  fi
}

nginx_binary() {
  local nginx
  nginx="$(command -v nginx || true)"
  [ -n "$nginx" ] || { [ -x /usr/sbin/nginx ] && nginx=/usr/sbin/nginx; }
  if [ -z "$nginx" ]; then
    echo "bin/bench: installing nginx-light for the static server (first use)..." >&2
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    if ! { $sudo apt-get install -y -q nginx-light || { $sudo apt-get update -q && $sudo apt-get install -y -q nginx-light; }; } \
        > "$root/target/nginx-install.log" 2>&1; then
      cat "$root/target/nginx-install.log" >&2
      echo "bin/bench: could not install nginx-light (log above)" >&2
      return 1
    fi
    nginx=/usr/sbin/nginx
  fi
  echo "$nginx"
}

free_port() { # a loopback port nothing listens on
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

static_config() { # PORT PREFIX: nginx.conf on stdout
  local port="$1" prefix="$2"
  cat <<CONF
daemon off;
worker_processes 1;
pid $prefix/nginx.pid;
error_log $prefix/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $prefix/tmp/body;
  proxy_temp_path $prefix/tmp/proxy;
  fastcgi_temp_path $prefix/tmp/fastcgi;
  uwsgi_temp_path $prefix/tmp/uwsgi;
  scgi_temp_path $prefix/tmp/scgi;
  types { text/xml xml; application/json json; }
  charset utf-8;
  charset_types text/xml application/json;
  sendfile on;
  tcp_nodelay on;
  keepalive_requests 10000000;
  keepalive_timeout 300s;
  map \$arg_method \$answer { default echo; flickr.photos.search search; }
  map \$arg_format \$format { default xml; json json; }
  server {
    listen 127.0.0.1:$port;
    root $prefix;
    location /services/rest { rewrite ^ /answers/\$answer.\$format last; }
    location /answers/ { internal; gzip_static on; error_page 405 =200 \$uri; }
  }
}
CONF
}

static_start() {
  local nginx port prefix
  nginx="$(nginx_binary)" || return 1
  prefix="$static_dir"
  rm -rf "$prefix"
  mkdir -p "$prefix/tmp" "$prefix/answers"
  echo "== static server: nginx serving answers pre-rendered by the sandbox"
  java -cp "$cp" org.flickrdynamic.peers.StaticAnswers "$prefix/answers"
  port="$(free_port)" || { echo "bin/bench: no free loopback port" >&2; return 1; }
  static_config "$port" "$prefix" > "$prefix/nginx.conf"
  trap static_stop EXIT
  trap 'static_stop; exit 130' INT
  trap 'static_stop; exit 143' TERM
  "$nginx" -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" &
  static_pid=$!
  STATIC_ORIGIN="http://127.0.0.1:$port"
  STATIC_URL="$STATIC_ORIGIN/services/rest/"
  for _ in $(seq 1 100); do
    if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
      echo "  nginx $("$nginx" -v 2>&1 | sed 's/.*\///') at $STATIC_URL"
      return 0
    fi
    kill -0 "$static_pid" 2> /dev/null || break
    sleep 0.05
  done
  cat "$prefix/error.log" >&2 2> /dev/null || true
  echo "bin/bench: nginx did not start" >&2
  return 1
}
