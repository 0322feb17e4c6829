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

log() { printf 'opensearch.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

major_of() { printf '%s\n' "${1%%.*}"; }

# --- Java -------------------------------------------------------------------

java_major() {  # JDK folder -> major version, from its release file
    local v
    v="$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -n1)"
    [[ -n $v ]] && printf '%s\n' "$v"
}

# 3.x needs Java 21+; 2.x needs the security manager, removed in Java 24.
pick_java_home() {
    if [[ -n ${OPENSEARCH_JAVA_HOME:-} ]]; then
        [[ -x $OPENSEARCH_JAVA_HOME/bin/java ]] || die "OPENSEARCH_JAVA_HOME=$OPENSEARCH_JAVA_HOME has no bin/java"
        printf '%s\n' "$OPENSEARCH_JAVA_HOME"
        return
    fi
    local min=11 max=23 best="" best_major=0 jh m candidates=()
    if (($(major_of "$VERSION") >= 3)); then min=21 max=999; fi
    [[ -n ${JAVA_HOME:-} ]] && candidates+=("$JAVA_HOME")
    if command -v java >/dev/null; then
        candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
    fi
    for jh in /usr/lib/jvm/*; do candidates+=("$jh"); done
    for jh in "${candidates[@]}"; do
        [[ -x $jh/bin/java ]] || continue
        m="$(java_major "$jh")" || continue
        if ((m >= min && m <= max && m > best_major)); then best="$jh" best_major=$m; fi
    done
    [[ -n $best ]] || die "OpenSearch $VERSION needs a JDK between $min and $max; none found under /usr/lib/jvm or JAVA_HOME. Set OPENSEARCH_JAVA_HOME, or OPENSEARCH_VERSION=2.19.6 to run on Java 17."
    printf '%s\n' "$best"
}

# --- install ----------------------------------------------------------------

service_user_setup() {
    [[ $EUID -eq 0 ]] || return 0
    if ! id -u "$SERVICE_USER" >/dev/null 2>&1; then
        log "creating system user $SERVICE_USER"
        useradd --system --user-group --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$SERVICE_USER"
    fi
}

# The zip's owner is what start checks: a cheap guard against a node that was
# assembled by root before the service user existed, or chown'ed back.
give_to_service_user() {
    [[ $EUID -eq 0 ]] || return 0
    if [[ "$(stat -c %U "$NODE_HOME/data" 2>/dev/null)" != "$SERVICE_USER" ]]; then
        chown -R "$SERVICE_USER:" "$NODE_HOME"
    fi
    runuser -u "$SERVICE_USER" -- test -r "$NODE_HOME/lib" \
        || die "$SERVICE_USER cannot read $NODE_HOME (a parent folder is closed to it); choose another OPENSEARCH_HOME"
}

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

cmd_install() {
    service_user_setup
    if [[ -f $MARKER ]]; then
        log "OpenSearch $VERSION already assembled in $NODE_HOME"
        give_to_service_user
        return 0
    fi
    if [[ -e $NODE_HOME ]]; then
        # Never delete a folder we did not make; an empty one is fine.
        rmdir "$NODE_HOME" 2>/dev/null \
            || die "$NODE_HOME exists and is not an assembled node; remove it or set OPENSEARCH_HOME"
    fi
    command -v "$MVN" >/dev/null || die "Maven ($MVN) is needed to fetch OpenSearch"
    local parent stage node module java_version started=$SECONDS
    parent="$(dirname "$NODE_HOME")"
    mkdir -p "$parent"
    # Assemble beside the destination and move it in at the end, so an
    # interrupted install leaves nothing that looks finished.
    stage="$(mktemp -d "$NODE_HOME.partial.XXXXXX")"
    trap 'rm -rf "$stage"' EXIT
    log "fetching OpenSearch $VERSION from Maven Central"
    if ! "$MVN" -B -Dstyle.color=never -f "$HERE/pom.xml" \
        -Dopensearch.version="$VERSION" \
        -Dopensearch.stage="$stage" \
        -Dopensearch.build="$stage/maven" \
        process-resources </dev/null >"$stage/maven.log" 2>&1; then
        grep -E '^\[(ERROR|WARNING)\]' "$stage/maven.log" | head -n 20 >&2 || tail -n 20 "$stage/maven.log" >&2
        die "Maven could not fetch OpenSearch $VERSION (is it published? see README.md)"
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
    mkdir -p "$node/data" "$node/logs" "$node/run" "$node/tmp"
    printf 'version=%s\nassembled=%s\n' "$VERSION" "$(date -u +%FT%TZ)" >"$node/.local-dabord-assembled"
    mv "$node" "$NODE_HOME"
    rm -rf "$stage"
    trap - EXIT
    give_to_service_user
    log "assembled OpenSearch $VERSION in $NODE_HOME ($((SECONDS - started)) s)"
}

# --- start / stop / status --------------------------------------------------

http_get() { curl -fsS --max-time "${2:-5}" "$URL$1" 2>/dev/null; }

answering() { curl -s -o /dev/null --max-time 3 "$URL/" 2>/dev/null; }

node_pid() {  # pid of our node's JVM if it is alive, found by its command line
    # Not by the pid file: the JVM writes it late in its start-up (after more than 10 s on a
    # cold 2-core machine), so a missing pid file does not mean a dead node.
    local pid
    for pid in $(pgrep -f -- "-Dopensearch.path.home=$NODE_HOME( |$)" || true); do
        tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'org.opensearch.bootstrap.OpenSearch' \
            && { printf '%s\n' "$pid"; return 0; }
    done
    return 1
}

log_tail() {
    local f
    for f in "$NODE_HOME/logs/$CLUSTER_NAME.log" "$NODE_HOME/logs/console.log"; do
        [[ -s $f ]] || continue
        printf '\n--- last lines of %s ---\n' "$f" >&2
        tail -n 40 "$f" >&2
    done
}

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

wait_for_yellow() {
    local deadline=$((SECONDS + START_TIMEOUT)) health
    while ((SECONDS < deadline)); do
        health="$(http_get '/_cluster/health?wait_for_status=yellow&timeout=2s' 5 || true)"
        if [[ $health =~ \"status\":\"(yellow|green)\" ]]; then
            log "OpenSearch is up at $URL (status ${BASH_REMATCH[1]})"
            return 0
        fi
        # Started by us and its JVM is gone: no point waiting for the timeout. The launcher
        # starts the JVM before it returns, so its absence is a real exit, not slowness.
        if [[ ${1:-} == ours ]] && ! node_pid >/dev/null; then
            log "error: OpenSearch exited during start-up"
            log_tail
            return 1
        fi
        sleep 1
    done
    log "error: OpenSearch did not reach yellow on $URL within $START_TIMEOUT s"
    log_tail
    return 1
}

cmd_start() {
    if answering; then
        local info
        info="$(http_get / || true)"
        [[ $info == *'"distribution" : "opensearch"'* ]] \
            || die "something that is not OpenSearch answers on $URL; set OPENSEARCH_PORT"
        if [[ $info != *"\"number\" : \"$VERSION\""* ]]; then
            log "warning: the node on $URL is not OpenSearch $VERSION: $(sed -n 's/.*"number" : "\([^"]*\)".*/\1/p' <<<"$info")"
        fi
        log "already running on $URL"
        wait_for_yellow
        return
    fi
    cmd_install
    local java_home started=$SECONDS launcher
    java_home="$(pick_java_home)"
    write_config
    rm -f "$PID_FILE"
    log "starting OpenSearch $VERSION on $URL with $java_home (Java $(java_major "$java_home"))"
    # -d daemonizes; setsid and the redirections detach it from this shell so a
    # caller waiting on our output (CI, a pipe) does not wait for the node too.
    # Relative paths in jvm.options (logs/gc.log, data) resolve against the cwd.
    launcher=(env OPENSEARCH_JAVA_HOME="$java_home" OPENSEARCH_TMPDIR="$NODE_HOME/tmp"
        setsid "$NODE_HOME/bin/opensearch" -d -p "$PID_FILE")
    if [[ $EUID -eq 0 ]]; then launcher=(runuser -u "$SERVICE_USER" -- "${launcher[@]}"); fi
    if ! (cd "$NODE_HOME" && "${launcher[@]}" </dev/null >"$NODE_HOME/logs/console.log" 2>&1); then
        log "error: bin/opensearch failed to start"
        log_tail
        exit 1
    fi
    wait_for_yellow ours || exit 1
    log "started in $((SECONDS - started)) s"
}

cmd_stop() {
    local pid i
    if ! pid="$(node_pid)"; then
        rm -f "$PID_FILE"
        if answering; then
            die "a node answers on $URL but was not started from $NODE_HOME; stop it where it was started"
        fi
        log "not running"
        return 0
    fi
    log "stopping OpenSearch (pid $pid)"
    kill -TERM "$pid"
    for ((i = 0; i < 60; i++)); do
        kill -0 "$pid" 2>/dev/null || { log "stopped"; rm -f "$PID_FILE"; return 0; }
        sleep 1
    done
    log "warning: pid $pid did not stop within 60 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$PID_FILE"
}

cmd_status() {
    local pid health rc=0
    printf 'version:   %s\nhome:      %s\n' "$VERSION" "$NODE_HOME"
    if [[ -f $MARKER ]]; then printf 'installed: yes\n'; else printf 'installed: no\n'; fi
    if pid="$(node_pid)"; then printf 'pid:       %s\n' "$pid"; else printf 'pid:       none\n'; fi
    if health="$(http_get '/_cluster/health' 5)"; then
        printf 'url:       %s (%s)\n' "$URL" "$(sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' <<<"$health")"
    else
        printf 'url:       %s (not answering)\n' "$URL"
        rc=3  # LSB: program is not running
    fi
    return $rc
}

cmd_uninstall() {
    cmd_stop
    if [[ -f $MARKER ]]; then
        rm -rf "$NODE_HOME"
        log "deleted $NODE_HOME"
    elif [[ -e $NODE_HOME ]]; then
        log "warning: $NODE_HOME is not a node this script assembled: left alone"
    fi
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
