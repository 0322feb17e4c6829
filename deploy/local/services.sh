#!/usr/bin/env bash
# Installs (from the OS packages) and starts on loopback the services `make test` needs:
# PostgreSQL, Redis, OpenSearch and Elasticsearch (assembled from Maven), and Chromium for
# browser tests.
# Idempotent: what is installed is not reinstalled, what answers is not restarted.
# A service given by URL in the environment (DATABASE_URL, REDIS_URL, SEARCH_URL) is left alone.
# Every wait is on the service's own health answer, with a deadline that holds on a cold machine.
#
#   services.sh [all|postgres|redis|opensearch|elasticsearch|browser]   install, start, print the URLs
#   services.sh reset    stop what this script started and delete its data and caches (the
#                        project's databases and role, Redis's folder, the OpenSearch and
#                        Elasticsearch nodes and their Maven artifacts), so that the next run
#                        is a fresh machine's;
#                        OS packages stay installed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${PG_PORT:=5432}"
: "${REDIS_PORT:=6379}"
: "${OPENSEARCH_PORT:=9260}"
: "${ELASTICSEARCH_PORT:=9270}"
: "${LDAB_DB_USER:=ldab}"
: "${LDAB_DB_PASSWORD:=ldab}"
: "${LDAB_DB_NAME:=ldab}"
cache_dir="${XDG_CACHE_HOME:-$HOME/.cache}/local-dabord"

log() { printf '\033[1m[services]\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else
    log "need root to run: $*"; return 1; fi
}

apt_updated=0
apt_install() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$apt_updated" -eq 0 ]; then
    log "apt-get update"
    as_root apt-get update -q >/dev/null
    apt_updated=1
  fi
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

wait_for() {  # NAME SECONDS COMMAND...: until COMMAND succeeds, or fail after SECONDS
  local name="$1" limit="$2" deadline=$((SECONDS + $2))
  shift 2
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then log "error: $name did not answer within $limit s"; return 1; fi
    sleep 1
  done
}

postgres() {
  if [ -n "${DATABASE_URL:-}" ]; then log "DATABASE_URL given: PostgreSQL left alone"; return; fi
  apt_install postgresql postgresql-contrib
  local version cluster
  read -r version cluster _ < <(pg_lsclusters --no-header | head -n 1)
  if [ -z "${version:-}" ]; then
    version="$(ls /usr/lib/postgresql | sort -n | tail -n 1)"; cluster=main
    as_root pg_createcluster "$version" "$cluster" -p "$PG_PORT" >/dev/null
  fi
  if ! pg_lsclusters --no-header | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $4}' | grep -q online; then
    log "starting PostgreSQL $version/$cluster"
    as_root pg_ctlcluster "$version" "$cluster" start
  fi
  local port
  port="$(pg_lsclusters --no-header | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $3}')"
  local psql=(as_root runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA)
  wait_for "PostgreSQL" 120 "${psql[@]}" -c 'select 1'
  if [ "$("${psql[@]}" -c "select 1 from pg_roles where rolname='$LDAB_DB_USER'")" != 1 ]; then
    "${psql[@]}" -c "create role $LDAB_DB_USER login createdb password '$LDAB_DB_PASSWORD'"
  fi
  if [ "$("${psql[@]}" -c "select 1 from pg_database where datname='$LDAB_DB_NAME'")" != 1 ]; then
    "${psql[@]}" -c "create database $LDAB_DB_NAME owner $LDAB_DB_USER"
  fi
  echo "DATABASE_URL=postgres://$LDAB_DB_USER:$LDAB_DB_PASSWORD@127.0.0.1:$port/$LDAB_DB_NAME"
}

redis() {
  if [ -n "${REDIS_URL:-}" ]; then log "REDIS_URL given: Redis left alone"; return; fi
  apt_install redis-server
  if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    log "starting Redis on 127.0.0.1:$REDIS_PORT"
    mkdir -p "$cache_dir/redis"
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --dir "$cache_dir/redis" \
      --pidfile "$cache_dir/redis/redis.pid" --logfile "$cache_dir/redis/redis.log" --save "" --appendonly no
    wait_for "Redis" 60 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping
  fi
  echo "REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0"
}

newest_java_is_at_least() {
  local release major
  for release in /usr/lib/jvm/*/release ${JAVA_HOME:+"$JAVA_HOME/release"}; do
    [ -f "$release" ] || continue
    major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")"
    [ -n "$major" ] && [ "$major" -ge "$1" ] && return 0
  done
  return 1
}

opensearch() {
  if [ -n "${SEARCH_URL:-}" ]; then log "SEARCH_URL given: search engine left alone"; return; fi
  apt_install default-jre-headless maven
  # OpenSearch 3.x needs Java 21+; where the machine only has Debian's Java 17, run 2.19.
  if [ -z "${OPENSEARCH_VERSION:-}" ] && ! newest_java_is_at_least 21; then
    export OPENSEARCH_VERSION=2.19.6
    log "no JDK 21+ found: using OpenSearch $OPENSEARCH_VERSION on Java 17"
  fi
  OPENSEARCH_PORT="$OPENSEARCH_PORT" "$here/../opensearch/opensearch.sh" install >&2
  OPENSEARCH_PORT="$OPENSEARCH_PORT" "$here/../opensearch/opensearch.sh" start >&2
  echo "SEARCH_ENGINE=opensearch"
  echo "SEARCH_URL=http://127.0.0.1:$OPENSEARCH_PORT"
}

elasticsearch() {
  # The second engine: tests/search runs on it too (Makefile). Given by URL, it is left alone.
  if [ -n "${ELASTICSEARCH_URL:-}" ]; then
    log "ELASTICSEARCH_URL given: Elasticsearch left alone"
    echo "ELASTICSEARCH_URL=$ELASTICSEARCH_URL"
    return
  fi
  apt_install maven
  newest_java_is_at_least 21 || { log "error: Elasticsearch needs a JDK 21+ under /usr/lib/jvm"; return 1; }
  ELASTICSEARCH_PORT="$ELASTICSEARCH_PORT" "$here/../elasticsearch/elasticsearch.sh" start >&2
  echo "ELASTICSEARCH_URL=http://127.0.0.1:$ELASTICSEARCH_PORT"
}

browser() {
  apt_install chromium fonts-dejavu-core
  echo "CHROMIUM_PATH=$(command -v chromium)"
}

reset() {
  log "reset: stopping what services.sh started and deleting its data"
  OPENSEARCH_PORT="$OPENSEARCH_PORT" "$here/../opensearch/opensearch.sh" uninstall >&2 || true
  ELASTICSEARCH_PORT="$ELASTICSEARCH_PORT" "$here/../elasticsearch/elasticsearch.sh" uninstall >&2 || true
  # Nodes the test suite assembled beside them (tests/faults' private OpenSearch): each
  # carries the marker of a node these scripts assembled; nothing else is touched.
  local node_dir
  for node_dir in /var/cache/local-dabord/* "$cache_dir"/*; do
    [ -f "$node_dir/.local-dabord-assembled" ] || continue
    pkill -f -- "-D(opensearch|es).path.home=$node_dir( |\$)" 2>/dev/null || true
    rm -rf "$node_dir" && log "deleted $node_dir"
  done
  # What Maven fetched for the nodes: a cold machine fetches it again.
  rm -rf "$HOME/.m2/repository/org/opensearch" "$HOME/.m2/repository/org/elasticsearch"
  if [ -f "$cache_dir/redis/redis.pid" ]; then
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  fi
  rm -rf "$cache_dir"
  if command -v pg_lsclusters >/dev/null; then
    local version cluster port
    read -r version cluster port _ < <(pg_lsclusters --no-header | head -n 1) || true
    if [ -n "${version:-}" ] && pg_lsclusters --no-header | awk '{print $4}' | grep -q online; then
      local psql=(as_root runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA)
      local db
      # The project's database and every test database made from it (pytest-django's test_*).
      for db in $("${psql[@]}" -c "select datname from pg_database where datname = '$LDAB_DB_NAME'
          or datname like 'test\_${LDAB_DB_NAME}%' or datname like '${LDAB_DB_NAME}\_%'"); do
        "${psql[@]}" -c "drop database if exists \"$db\" with (force)" && log "dropped database $db"
      done
      "${psql[@]}" -c "drop role if exists $LDAB_DB_USER"
      as_root pg_ctlcluster "$version" "$cluster" stop || true
      log "PostgreSQL $version/$cluster stopped"
    fi
  fi
  log "reset done: the next 'make test' starts from nothing"
}

case "${1:-all}" in
  postgres) postgres ;;
  redis) redis ;;
  opensearch) opensearch ;;
  elasticsearch) elasticsearch ;;
  browser) browser ;;
  all) postgres; redis; opensearch; elasticsearch; browser ;;
  reset) reset ;;
  *) echo "usage: $0 [all|postgres|redis|opensearch|elasticsearch|browser|reset]" >&2; exit 2 ;;
esac
