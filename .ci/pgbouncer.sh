# Sourced by .ci/run: a PgBouncer of its own in transaction mode, in front of the CI PostgreSQL,
# with a small server pool so concurrent requests share server sessions. Sets pooler_url.
start_pgbouncer() {
  local pg_host=$1 pg_port=$2 login=$3
  if ! command -v pgbouncer >/dev/null && [ ! -x /usr/sbin/pgbouncer ]; then
    # As root here; through sudo on hosted runners (GitHub Actions), which run as a user.
    local as_root=(); [ "$(id -u)" = 0 ] || as_root=(sudo)
    "${as_root[@]}" apt-get update -qq && "${as_root[@]}" apt-get install -y -qq pgbouncer >/dev/null
  fi
  local bin; bin="$(command -v pgbouncer || echo /usr/sbin/pgbouncer)"
  pgbouncer_dir="$(mktemp -d)"
  local port; port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  printf '"postgres" ""\n"%s" ""\n' "$login" >"$pgbouncer_dir/users.txt"
  cat >"$pgbouncer_dir/pgbouncer.ini" <<INI
[databases]
* = host=$pg_host port=$pg_port

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $pgbouncer_dir/users.txt
pool_mode = transaction
default_pool_size = 5
max_client_conn = 500
max_db_connections = 5
logfile = $pgbouncer_dir/pgbouncer.log
pidfile = $pgbouncer_dir/pgbouncer.pid
INI
  # PgBouncer refuses to run as root.
  local user=()
  if [ "$(id -u)" = 0 ]; then
    chown -R postgres "$pgbouncer_dir"
    user=(-u postgres)
  fi
  "$bin" -d "${user[@]}" "$pgbouncer_dir/pgbouncer.ini"
  for _ in $(seq 40); do
    psql "postgresql://postgres@127.0.0.1:$port/postgres" -qAtc 'SELECT 1' >/dev/null 2>&1 && break
    sleep 0.25
  done
  pooler_url="postgresql://$login@127.0.0.1:$port/postgres"
}

stop_pgbouncer() {
  [ -n "${pgbouncer_dir:-}" ] && [ -f "$pgbouncer_dir/pgbouncer.pid" ] || return 0
  kill "$(cat "$pgbouncer_dir/pgbouncer.pid")" 2>/dev/null || true
  rm -rf "$pgbouncer_dir"
}
