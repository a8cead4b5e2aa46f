#!/usr/bin/env bash
# Four `teardown watch --redis …` processes on the same droplets, one redis-server, one sandbox:
# how often the API is asked about each droplet, and how many 429s it answered.
#
#   scripts/redis-demo.sh [--api-url URL] [--instances N] [--timeout DURATION] [--compare] [ID...]
#
#   --api-url URL    an API that is already running (such as a sandbox with DigitalOcean's rate limits);
#                    without it, the script starts the sandbox of cli/target/teardown.jar on a free
#                    loopback port for each run (SandboxServer, real time) and stops it afterwards
#   --instances N    how many watch processes (default 4)
#   --timeout D      each watch's --timeout (default 2m)
#   --compare        first run the same processes without --redis, for the figures to compare
#   ID...            the droplets to watch (default: the sandbox's 61486916 and 61486917)
#
# It builds nothing when cli/target/teardown.jar exists (else: mvn -B -q -DskipTests package -pl cli -am).
# Needs java 17+ and redis-server on the PATH. Every process it starts is stopped on exit, Ctrl-C included;
# what they printed stays in the work directory it names. The counts come from each process's --verbose
# request log (one line per request sent, with the answer's status), so they are what the API served.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/cli/target/teardown.jar"
api_url=""
instances=4
timeout=2m
compare=false
ids=()

while [ $# -gt 0 ]; do
  case "$1" in
    --api-url) api_url=${2:?--api-url needs a URL}; shift 2 ;;
    --instances) instances=${2:?--instances needs a number}; shift 2 ;;
    --timeout) timeout=${2:?--timeout needs a duration such as 2m}; shift 2 ;;
    --compare) compare=true; shift ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "redis-demo: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) ids+=("$1"); shift ;;
  esac
done
[ ${#ids[@]} -gt 0 ] || ids=(61486916 61486917)
case "$instances" in ''|*[!0-9]*) echo "redis-demo: --instances must be a number, was $instances" >&2; exit 2 ;; esac

command -v java >/dev/null || { echo "redis-demo: java is not on the PATH" >&2; exit 1; }
command -v redis-server >/dev/null || {
  echo "redis-demo: redis-server is not on the PATH (apt-get install -y redis-server)" >&2; exit 1; }

if [ ! -f "$jar" ]; then
  echo "redis-demo: building $jar (mvn -B -q -DskipTests package -pl cli -am)" >&2
  (cd "$root" && mvn -B -q -DskipTests package -pl cli -am)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/teardown-redis-demo.XXXXXX")
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    # a watch runs in a subshell of its own: its java process and log reader go first
    pkill -P "$pid" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A loopback port nobody answers on (a race with another process is possible but unlikely).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# Waits until something answers on the port, or fails after about ten seconds.
await_port() {
  local port=$1 what=$2 i
  for i in $(seq 1 200); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return 0
    fi
    sleep 0.05
  done
  echo "redis-demo: $what did not answer on 127.0.0.1:$port; see $work" >&2
  exit 1
}

redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" \
  --logfile "$work/redis.log" &
pids+=($!)
await_port "$redis_port" "redis-server"

# The sandbox of the jar, on its own, through Java's source launcher: no build step of its own. Its
# teardowns start when first asked, so each run gets a sandbox of its own.
sandbox_pid=""
start_sandbox() {
  cat > "$work/Sandbox.java" <<'EOF'
import dev.teardown.sandbox.SandboxServer;
import java.time.Clock;

public class Sandbox {
    public static void main(String[] args) throws InterruptedException {
        SandboxServer sandbox = SandboxServer.start(Integer.parseInt(args[0]), Clock.systemUTC());
        System.out.println(sandbox.uri());
        Thread.currentThread().join();
    }
}
EOF
  local port
  port=$(free_port)
  java -cp "$jar" "$work/Sandbox.java" "$port" > "$work/sandbox-$port.out" 2>&1 &
  sandbox_pid=$!
  pids+=("$sandbox_pid")
  await_port "$port" "the sandbox"
  api_url="http://127.0.0.1:$port"
}

stop_sandbox() {
  kill "$sandbox_pid" 2>/dev/null || true
  wait "$sandbox_pid" 2>/dev/null || true
}

own_sandbox=false
if [ -z "$api_url" ]; then
  own_sandbox=true
fi

# Stamps each line with the seconds since the epoch, to the microsecond, as it arrives.
stamp() {
  local line
  while IFS= read -r line; do
    printf '%s %s\n' "$EPOCHREALTIME" "$line"
  done
}

# One watch process; its standard error stamped line by line. Returns the watch's exit code.
watch_one() {
  local out=$1 err=$2; shift 2
  DIGITALOCEAN_ACCESS_TOKEN=${DIGITALOCEAN_ACCESS_TOKEN:-demo-token} \
    java -jar "$jar" watch "${ids[@]}" --api-url "$api_url" --timeout "$timeout" --verbose "$@" \
    2>&1 > "$out" | stamp > "$err"
  return "${PIPESTATUS[0]}"
}

# Runs the watch processes together and prints what the API was asked.
run() {
  local label=$1; shift
  local n pid status watchers=()
  echo "== $label: $instances x teardown watch ${ids[*]} --api-url $api_url $*"
  for n in $(seq 1 "$instances"); do
    watch_one "$work/$label-$n.out" "$work/$label-$n.err" "$@" &
    watchers+=($!)
    pids+=($!)
  done
  for n in $(seq 1 "$instances"); do
    pid=${watchers[$((n - 1))]}
    status=0
    wait "$pid" || status=$?
    echo "   process $n exited with $status (output in $work/$label-$n.out, requests in $work/$label-$n.err)"
  done
  summarise "$label"
}

# Per droplet: requests sent by all processes, 429s among them, and the span they cover.
summarise() {
  local label=$1 id
  # 2 s: how long an in-progress answer stays fresh, in each process and in Redis
  printf '   %-12s %9s %6s %9s %22s\n' droplet requests 429s span "requests per 2 s window"
  for id in "${ids[@]}"; do
    cat "$work/$label"-*.err | awk -v id="$id" '
      $0 ~ ("> GET /v2/droplets/" id "/destroy_with_associated_resources/status -> ") {
        n++
        if ($0 ~ / -> 429 /) limited++
        if (first == "" || $1 < first) first = $1
        if ($1 > last) last = $1
      }
      END {
        span = n ? last - first : 0
        windows = int(span / 2) + 1
        printf "   %-12s %9d %6d %8.1fs %22.2f\n", id, n, limited, span, n ? n / windows : 0
      }'
  done
  grep -h "teardown: warning" "$work/$label"-*.err | sed 's/^[0-9.]* /   /' | sort | uniq -c || true
}

if $compare; then
  if $own_sandbox; then start_sandbox; fi
  run without-redis
  if $own_sandbox; then stop_sandbox; fi
fi
if $own_sandbox; then start_sandbox; fi
run with-redis --redis "redis://127.0.0.1:$redis_port"
if command -v redis-cli >/dev/null; then
  echo "== keys in Redis now: $(redis-cli -p "$redis_port" dbsize)"
fi
echo "== everything the processes printed is in $work"
