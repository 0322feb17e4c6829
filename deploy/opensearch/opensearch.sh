#!/usr/bin/env bash
# Assembles a single-node OpenSearch from Maven Central and runs it on loopback,
# for development and CI: no Docker, no download outside the package registries.
#
#   opensearch.sh install   assemble the node in the cache directory (once)
#   opensearch.sh start     install if needed, start, wait for yellow
#   opensearch.sh stop      graceful stop of the node's JVM (SIGTERM, then SIGKILL after 60 s)
#   opensearch.sh status    what is installed and what answers on the port
#   opensearch.sh uninstall stop, then delete the assembled node and its data
#
# Environment (all optional):
#   OPENSEARCH_VERSION         default 3.6.0 (2.19.6 runs on Java 17)
#   OPENSEARCH_HOME            the node's folder; default
#                              ${XDG_CACHE_HOME:-$HOME/.cache}/local-dabord/opensearch-VERSION,
#                              or /var/cache/local-dabord/opensearch-VERSION as root
#   OPENSEARCH_PORT            HTTP port, default 9260
#   OPENSEARCH_TRANSPORT_PORT  default 9360
#   OPENSEARCH_HEAP            default 512m
#   OPENSEARCH_JAVA_HOME       JDK to run the node; default: the newest JDK found
#                              that the version supports (3.x: 21+, 2.x: 11 to 23)
#   OPENSEARCH_USER            account the node runs as when started by root;
#                              default opensearch (created if missing)
#   OPENSEARCH_START_TIMEOUT   seconds to wait for yellow, default 300 (a cold 2-core
#                              machine's first start, with the JVM's class data unshared)
#   MVN                        Maven command, default mvn
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VERSION="${OPENSEARCH_VERSION:-3.6.0}"
PORT="${OPENSEARCH_PORT:-9260}"
TRANSPORT_PORT="${OPENSEARCH_TRANSPORT_PORT:-9360}"
HEAP="${OPENSEARCH_HEAP:-512m}"
SERVICE_USER="${OPENSEARCH_USER:-opensearch}"
START_TIMEOUT="${OPENSEARCH_START_TIMEOUT:-300}"
MVN="${MVN:-mvn}"
URL="http://127.0.0.1:${PORT}"
MODULES=(lang-painless analysis-common)

if [[ $EUID -eq 0 ]]; then
    # OpenSearch refuses to run as root, and the account it runs as cannot
    # traverse /root (mode 700): keep the node where a system service's cache goes.
    NODE_HOME="${OPENSEARCH_HOME:-/var/cache/local-dabord/opensearch-${VERSION}}"
else
    NODE_HOME="${OPENSEARCH_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/local-dabord/opensearch-${VERSION}}"
fi
MARKER="$NODE_HOME/.local-dabord-assembled"
PID_FILE="$NODE_HOME/run/opensearch.pid"
CLUSTER_NAME="local-dabord"
TOOL=opensearch.sh
ENGINE_NAME=OpenSearch
JVM_MAIN_CLASS=org.opensearch.bootstrap.OpenSearch
PATH_HOME_PROPERTY=opensearch.path.home
HOME_VARIABLE=OPENSEARCH_HOME
# shellcheck source=../lib/jvm-node.sh
source "$HERE/../lib/jvm-node.sh"

# --- Java -------------------------------------------------------------------

# 3.x needs Java 21+; 2.x needs the security manager, removed in Java 24.
pick_java_home() {
    if [[ -n ${OPENSEARCH_JAVA_HOME:-} ]]; then
        [[ -x $OPENSEARCH_JAVA_HOME/bin/java ]] || die "OPENSEARCH_JAVA_HOME=$OPENSEARCH_JAVA_HOME has no bin/java"
        printf '%s\n' "$OPENSEARCH_JAVA_HOME"
        return
    fi
    local min=11 max=23 best
    if (($(major_of "$VERSION") >= 3)); then min=21 max=999; fi
    best="$(newest_java_between "$min" "$max")" || true
    [[ -n $best ]] || die "OpenSearch $VERSION needs a JDK between $min and $max; none found under /usr/lib/jvm or JAVA_HOME. Set OPENSEARCH_JAVA_HOME, or OPENSEARCH_VERSION=2.19.6 to run on Java 17."
    printf '%s\n' "$best"
}

# --- install ----------------------------------------------------------------

jar_has_class() { grep -qaF "${2//.//}.class" "$1"; }  # the zip directory lists names in clear

# Writes a module's plugin-descriptor.properties from its template in this folder.
render_descriptor() {
    local module="$1" dir="$2" java_version="$3" template jar cls="" c candidates
    template="$HERE/modules/$module/plugin-descriptor.properties.in"
    jar="$dir/$module-$VERSION.jar"
    [[ -f $jar ]] || die "Maven did not bring $module-$VERSION.jar"
    # The class was renamed in 3.0 (CommonAnalysisPlugin -> CommonAnalysisModulePlugin).
    read -ra candidates < <(sed -n 's/^# classname-candidates: //p' "$template")
    for c in "${candidates[@]}"; do
        if jar_has_class "$jar" "$c"; then cls="$c"; break; fi
    done
    [[ -n $cls ]] || die "no known plugin class in $jar; add it to $template"
    sed -e "s/@VERSION@/$VERSION/g" -e "s/@CLASSNAME@/$cls/g" -e "s/@JAVA_VERSION@/$java_version/g" \
        -e '/^#/d' "$template" >"$dir/plugin-descriptor.properties"
}

# Fetches the integ-test-zip and the modules into STAGE; prints the node's folder.
fetch_node() {  # STAGE
    local stage="$1" node module java_version
    if ! "$MVN" -B -Dstyle.color=never -f "$HERE/pom.xml" \
        -Dopensearch.version="$VERSION" \
        -Dopensearch.stage="$stage" \
        -Dopensearch.build="$stage/maven" \
        process-resources </dev/null >"$stage/maven.log" 2>&1; then
        maven_failed "$stage/maven.log" "Maven could not fetch OpenSearch $VERSION (is it published? see README.md)"
    fi
    node="$stage/dist/opensearch-$VERSION"
    [[ -x $node/bin/opensearch ]] || die "the integ-test-zip has no bin/opensearch"
    java_version="$(sed -n 's/^java.version=//p' "$node/modules/transport-netty4/plugin-descriptor.properties")"
    for module in "${MODULES[@]}"; do
        if [[ -d $node/modules/$module ]]; then
            continue  # 3.x's zip ships the module, descriptor and all
        fi
        mkdir -p "$node/modules/$module"
        cp "$stage/modules/$module"/*.jar "$node/modules/$module/"
        render_descriptor "$module" "$node/modules/$module" "$java_version"
        if [[ -f $HERE/modules/$module/plugin-security.policy ]]; then
            cp "$HERE/modules/$module/plugin-security.policy" "$node/modules/$module/"
        fi
    done
    printf '%s\n' "$node"
}

cmd_install() { assemble_node fetch_node; }

# --- start / stop / status --------------------------------------------------

write_config() {
    # Rewritten on every start so that a change of port or heap takes effect.
    cat >"$NODE_HOME/config/opensearch.yml" <<EOF
# Written by deploy/opensearch/opensearch.sh on each start; edits are lost.
cluster.name: $CLUSTER_NAME
node.name: local-dabord-1
network.host: 127.0.0.1
http.port: $PORT
transport.port: $TRANSPORT_PORT
discovery.type: single-node
path.data: $NODE_HOME/data
path.logs: $NODE_HOME/logs
# A development node must not turn indices read-only because a laptop disk is full.
cluster.routing.allocation.disk.threshold_enabled: false
EOF
    # Read after config/jvm.options; the JVM keeps the last -Xms/-Xmx.
    mkdir -p "$NODE_HOME/config/jvm.options.d"
    printf -- '-Xms%s\n-Xmx%s\n' "$HEAP" "$HEAP" >"$NODE_HOME/config/jvm.options.d/local-dabord-heap.options"
    [[ $EUID -eq 0 ]] && chown -R "$SERVICE_USER:" "$NODE_HOME/config"
    return 0
}

cmd_start() {
    if answering; then
        check_answering_node / '"distribution" : "opensearch"'
        if [[ $(http_get / || true) != *"\"number\" : \"$VERSION\""* ]]; then
            log "warning: the node on $URL is not OpenSearch $VERSION"
        fi
        wait_for_yellow
        return
    fi
    cmd_install
    local java_home started=$SECONDS
    java_home="$(pick_java_home)"
    write_config
    rm -f "$PID_FILE"
    log "starting OpenSearch $VERSION on $URL with $java_home (Java $(java_major "$java_home"))"
    launch_as_service_user env OPENSEARCH_JAVA_HOME="$java_home" OPENSEARCH_TMPDIR="$NODE_HOME/tmp" \
        "$NODE_HOME/bin/opensearch" -d -p "$PID_FILE"
    wait_for_yellow ours || exit 1
    log "started in $((SECONDS - started)) s"
}

case "${1:-}" in
    install) cmd_install ;;
    uninstall) cmd_uninstall ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *)
        printf 'usage: %s install|start|stop|status|uninstall\n' "$(basename "$0")" >&2
        exit 2
        ;;
esac
