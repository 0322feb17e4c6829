# Shared by deploy/opensearch/opensearch.sh and deploy/elasticsearch/elasticsearch.sh: a
# single-node search engine on loopback, assembled from Maven, run as a system user (both
# engines refuse root), found by its JVM's command line and waited for by its health answer.
#
# The sourcing script sets: TOOL (name in messages), ENGINE_NAME, VERSION, NODE_HOME, MARKER,
# PID_FILE, URL, SERVICE_USER, JVM_MAIN_CLASS (the server's main class), PATH_HOME_PROPERTY
# (the -D property naming the node's folder), START_TIMEOUT, CLUSTER_NAME, HOME_VARIABLE
# (the environment variable that moves NODE_HOME, for messages).

log() { printf '%s: %s\n' "$TOOL" "$*" >&2; }
die() { log "error: $*"; exit 1; }

major_of() { printf '%s\n' "${1%%.*}"; }

java_major() {  # JDK folder -> major version, from its release file
    local v
    v="$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -n1)"
    [[ -n $v ]] && printf '%s\n' "$v"
}

newest_java_between() {  # MIN MAX -> the newest JDK home in that range, from JAVA_HOME, PATH, /usr/lib/jvm
    local min="$1" max="$2" best="" best_major=0 jh m candidates=()
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
    [[ -n $best ]] && printf '%s\n' "$best"
}

service_user_setup() {
    [[ $EUID -eq 0 ]] || return 0
    if ! id -u "$SERVICE_USER" >/dev/null 2>&1; then
        log "creating system user $SERVICE_USER"
        useradd --system --user-group --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$SERVICE_USER"
    fi
}

# The data folder's owner is what start checks: a cheap guard against a node that was
# assembled by root before the service user existed, or chown'ed back.
give_to_service_user() {
    [[ $EUID -eq 0 ]] || return 0
    if [[ "$(stat -c %U "$NODE_HOME/data" 2>/dev/null)" != "$SERVICE_USER" ]]; then
        chown -R "$SERVICE_USER:" "$NODE_HOME"
    fi
    runuser -u "$SERVICE_USER" -- test -r "$NODE_HOME/lib" \
        || die "$SERVICE_USER cannot read $NODE_HOME (a parent folder is closed to it); choose another $HOME_VARIABLE"
}

# Assembles the node once: FETCH STAGE (the engine script's function) fetches into the folder
# STAGE and prints the unpacked node's folder. It is assembled beside its destination and
# moved in at the end, so an interrupted install leaves nothing that looks finished.
assemble_node() {  # FETCH
    service_user_setup
    if [[ -f $MARKER ]]; then
        log "$ENGINE_NAME $VERSION already assembled in $NODE_HOME"
        give_to_service_user
        return 0
    fi
    if [[ -e $NODE_HOME ]]; then
        # Never delete a folder we did not make; an empty one is fine.
        rmdir "$NODE_HOME" 2>/dev/null \
            || die "$NODE_HOME exists and is not an assembled node; remove it or set $HOME_VARIABLE"
    fi
    command -v "$MVN" >/dev/null || die "Maven ($MVN) is needed to fetch $ENGINE_NAME"
    local stage node started=$SECONDS
    mkdir -p "$(dirname "$NODE_HOME")"
    stage="$(mktemp -d "$NODE_HOME.partial.XXXXXX")"
    trap 'rm -rf "$stage"' EXIT
    log "fetching $ENGINE_NAME $VERSION from Maven Central"
    node="$("$1" "$stage")" || exit 1
    mkdir -p "$node/data" "$node/logs" "$node/run" "$node/tmp"
    printf 'version=%s\nassembled=%s\n' "$VERSION" "$(date -u +%FT%TZ)" >"$node/.local-dabord-assembled"
    mv "$node" "$NODE_HOME"
    rm -rf "$stage"
    trap - EXIT
    give_to_service_user
    log "assembled $ENGINE_NAME $VERSION in $NODE_HOME ($((SECONDS - started)) s)"
}

maven_failed() {  # LOG MESSAGE: Maven's own errors, then the message
    grep -E '^\[(ERROR|WARNING)\]' "$1" | head -n 20 >&2 || tail -n 20 "$1" >&2
    die "$2"
}

http_get() { curl -fsS --max-time "${2:-5}" "$URL$1" 2>/dev/null; }

answering() { curl -s -o /dev/null --max-time 3 "$URL/" 2>/dev/null; }

node_pid() {  # pid of our node's server JVM if it is alive, found by its command line
    # Not by the pid file: the JVM writes it late in its start-up (after more than 10 s on a
    # cold 2-core machine), so a missing pid file does not mean a dead node.
    local pid
    for pid in $(pgrep -f -- "-D$PATH_HOME_PROPERTY=$NODE_HOME( |$)" || true); do
        tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$JVM_MAIN_CLASS" \
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

wait_for_yellow() {  # [ours]: "ours" when this script just started the node
    local deadline=$((SECONDS + START_TIMEOUT)) health
    while ((SECONDS < deadline)); do
        health="$(http_get '/_cluster/health?wait_for_status=yellow&timeout=2s' 5 || true)"
        if [[ $health =~ \"status\":\"(yellow|green)\" ]]; then
            log "$ENGINE_NAME is up at $URL (status ${BASH_REMATCH[1]})"
            return 0
        fi
        # Started by us and its JVM is gone: no point waiting for the timeout. The launcher
        # starts the JVM before it returns, so its absence is a real exit, not slowness.
        if [[ ${1:-} == ours ]] && ! node_pid >/dev/null; then
            log "error: $ENGINE_NAME exited during start-up"
            log_tail
            return 1
        fi
        sleep 1
    done
    log "error: $ENGINE_NAME did not reach yellow on $URL within $START_TIMEOUT s"
    log_tail
    return 1
}

# Detached from this shell (setsid, redirections) so that a caller waiting on our output (CI,
# a pipe) does not wait for the node too; relative paths in jvm.options resolve against the cwd.
launch_as_service_user() {  # COMMAND...
    local launcher=(setsid "$@")
    if [[ $EUID -eq 0 ]]; then launcher=(runuser -u "$SERVICE_USER" -- "${launcher[@]}"); fi
    if ! (cd "$NODE_HOME" && "${launcher[@]}" </dev/null >"$NODE_HOME/logs/console.log" 2>&1); then
        log "error: $ENGINE_NAME failed to start"
        log_tail
        exit 1
    fi
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
    log "stopping $ENGINE_NAME (pid $pid)"
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

check_answering_node() {  # PATH MARKER: what PATH must answer for the node on the port to be ours
    local info
    info="$(http_get "$1" || true)"
    [[ $info == *"$2"* ]] || die "something that is not this $ENGINE_NAME node answers on $URL; choose another port"
    log "already running on $URL"
}
