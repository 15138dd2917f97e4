# Shell helpers shared by scripts/load-run.sh and scripts/cluster-drill.sh: background JVMs and waiting on them.
# Start each service as a plain command (BELLWETHER_JAVA_OPTS=... "$bw" ... &), not through a shell function, so
# that $! is the JVM itself (the launcher execs java), and add $! to `services`.
services=()

# SIGTERM to every service, up to 60 s for them to close cleanly, then SIGKILL to what is left.
stop_services() {
  local pid tries alive
  for pid in "${services[@]}"; do kill "$pid" 2>/dev/null; done
  for tries in $(seq 60); do
    alive=0
    for pid in "${services[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && return
    sleep 1
  done
  for pid in "${services[@]}"; do kill -9 "$pid" 2>/dev/null; done
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# await SECONDS WHAT COMMAND...: runs COMMAND every 2 s until it succeeds; after SECONDS says so and fails.
await() {
  local limit=$1 what=$2 start=$SECONDS
  shift 2
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS - start > limit )); then echo "$(basename "$0"): gave up waiting for $what" >&2; return 1; fi
    sleep 2
  done
}
