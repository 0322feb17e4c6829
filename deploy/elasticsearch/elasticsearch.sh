#!/usr/bin/env bash
# Assembles a single-node Elasticsearch from Maven Central and runs it on loopback, for
# development and CI: no Docker, no download outside the package registries.
#
#   elasticsearch.sh install    fetch and unpack the node in the cache directory (once)
#   elasticsearch.sh start      install if needed, start, wait for yellow
#   elasticsearch.sh stop       graceful stop of the node's JVM (SIGTERM, then SIGKILL after 60 s)
#   elasticsearch.sh status     what is installed and what answers on the port
#   elasticsearch.sh uninstall  stop, then delete the node and its data
#
# The Maven artifact is the integ-test-zip: the server with transport, x-pack core and security
# only. Its analysis is the standard tokenizer and `lowercase`: no `asciifolding`, `elision`,
# `edge_ngram` or stemmers, which Elasticsearch's analysis module (not published to the
# registries reachable here) brings. The project detects that from the node and indexes in its
# reduced analysis (search/analysis.py), reported in /healthz and in the admin.
#
# Environment (all optional):
#   ELASTICSEARCH_VERSION         default 9.2.0 (8.17.0 is published too)
#   ELASTICSEARCH_HOME            the node's folder; default
#                                 ${XDG_CACHE_HOME:-$HOME/.cache}/local-dabord/elasticsearch-VERSION,
#                                 or /var/cache/local-dabord/elasticsearch-VERSION as root
#   ELASTICSEARCH_PORT            HTTP port, default 9270
#   ELASTICSEARCH_TRANSPORT_PORT  default 9370
#   ELASTICSEARCH_HEAP            default 512m
#   ELASTICSEARCH_JAVA_HOME       JDK to run the node; default the newest JDK 21+ found
#   ELASTICSEARCH_USER            account the node runs as when started by root; default
#                                 elasticsearch (created if missing)
#   ELASTICSEARCH_START_TIMEOUT   seconds to wait for yellow, default 300
#   MVN                           Maven command, default mvn
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VERSION="${ELASTICSEARCH_VERSION:-9.2.0}"
PORT="${ELASTICSEARCH_PORT:-9270}"
TRANSPORT_PORT="${ELASTICSEARCH_TRANSPORT_PORT:-9370}"
HEAP="${ELASTICSEARCH_HEAP:-512m}"
SERVICE_USER="${ELASTICSEARCH_USER:-elasticsearch}"
START_TIMEOUT="${ELASTICSEARCH_START_TIMEOUT:-300}"
MVN="${MVN:-mvn}"
URL="http://127.0.0.1:${PORT}"
ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${VERSION}:zip"

if [[ $EUID -eq 0 ]]; then
    # Elasticsearch refuses to run as root, and its account cannot traverse /root (mode 700).
    NODE_HOME="${ELASTICSEARCH_HOME:-/var/cache/local-dabord/elasticsearch-${VERSION}}"
else
    NODE_HOME="${ELASTICSEARCH_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/local-dabord/elasticsearch-${VERSION}}"
fi
MARKER="$NODE_HOME/.local-dabord-assembled"
PID_FILE="$NODE_HOME/run/elasticsearch.pid"
CLUSTER_NAME="local-dabord-es"
TOOL=elasticsearch.sh
ENGINE_NAME=Elasticsearch
JVM_MAIN_CLASS=org.elasticsearch.server/org.elasticsearch.bootstrap.Elasticsearch
PATH_HOME_PROPERTY=es.path.home
HOME_VARIABLE=ELASTICSEARCH_HOME
# shellcheck source=../lib/jvm-node.sh
source "$HERE/../lib/jvm-node.sh"

pick_java_home() {
    if [[ -n ${ELASTICSEARCH_JAVA_HOME:-} ]]; then
        [[ -x $ELASTICSEARCH_JAVA_HOME/bin/java ]] || die "ELASTICSEARCH_JAVA_HOME=$ELASTICSEARCH_JAVA_HOME has no bin/java"
        printf '%s\n' "$ELASTICSEARCH_JAVA_HOME"
        return
    fi
    newest_java_between 21 999 \
        || die "Elasticsearch $VERSION needs a JDK 21 or newer; none found under /usr/lib/jvm or JAVA_HOME. Set ELASTICSEARCH_JAVA_HOME."
}

# Fetches and unpacks the integ-test-zip into STAGE; prints the node's folder.
fetch_node() {  # STAGE
    local stage="$1" node
    if ! (cd "$stage" && "$MVN" -B -Dstyle.color=never \
        org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
        -Dartifact="$ARTIFACT" -DoutputDirectory="$stage/dist" </dev/null >"$stage/maven.log" 2>&1); then
        maven_failed "$stage/maven.log" "Maven could not fetch $ARTIFACT"
    fi
    node="$stage/dist/elasticsearch-$VERSION"
    [[ -f $node/bin/elasticsearch ]] || die "the integ-test-zip has no bin/elasticsearch"
    chmod +x "$node"/bin/*  # the unpack keeps no file modes
    printf '%s\n' "$node"
}

cmd_install() { assemble_node fetch_node; }

write_config() {
    # Rewritten on every start so that a change of port or heap takes effect.
    cat >"$NODE_HOME/config/elasticsearch.yml" <<YML
# Written by deploy/elasticsearch/elasticsearch.sh on each start; edits are lost.
cluster.name: $CLUSTER_NAME
node.name: local-dabord-es-1
network.host: 127.0.0.1
http.port: $PORT
transport.port: $TRANSPORT_PORT
discovery.type: single-node
path.data: $NODE_HOME/data
path.logs: $NODE_HOME/logs
# Loopback only, for development and tests: plain HTTP, no password.
xpack.security.enabled: false
# A development node must not turn indices read-only because a laptop disk is full.
cluster.routing.allocation.disk.threshold_enabled: false
YML
    mkdir -p "$NODE_HOME/config/jvm.options.d"
    printf -- '-Xms%s\n-Xmx%s\n' "$HEAP" "$HEAP" >"$NODE_HOME/config/jvm.options.d/local-dabord-heap.options"
    [[ $EUID -eq 0 ]] && chown -R "$SERVICE_USER:" "$NODE_HOME/config"
    return 0
}

cmd_start() {
    if answering; then
        # The integ-test-zip has no rest-root module: `GET /` answers 405 there.
        check_answering_node /_cluster/health "\"cluster_name\":\"$CLUSTER_NAME\""
        wait_for_yellow
        return
    fi
    cmd_install
    local java_home started=$SECONDS
    java_home="$(pick_java_home)"
    write_config
    rm -f "$PID_FILE"
    log "starting Elasticsearch $VERSION on $URL with $java_home (Java $(java_major "$java_home"))"
    launch_as_service_user env ES_JAVA_HOME="$java_home" ES_TMPDIR="$NODE_HOME/tmp" \
        "$NODE_HOME/bin/elasticsearch" -d -p "$PID_FILE"
    wait_for_yellow ours || exit 1
    log "started in $((SECONDS - started)) s"
}

case "${1:-}" in
    install) cmd_install ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    uninstall) cmd_uninstall ;;
    *)
        printf 'usage: %s install|start|stop|status|uninstall\n' "$(basename "$0")" >&2
        exit 2
        ;;
esac
