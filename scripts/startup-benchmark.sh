#!/usr/bin/env bash
# Start-up of a one-shot `teardown status` against a Node.js one-shot doing the same lookup with the npm
# client dots-wrapper, both asking one loopback server, measured with hyperfine in the same run
# (docs/benchmarks.md, "Start-up"). Build the jar first (mvn -q -B package -DskipTests from the root).
#
#   scripts/startup-benchmark.sh            the launcher, plain `java -jar`, and Node.js
#   STEPS=1 scripts/startup-benchmark.sh    also the launcher's options added one at a time
#   BEFORE_JARS="98f3bb2=/tmp/old/teardown.jar ..." scripts/startup-benchmark.sh
#                                           also jars built from earlier commits (NAME=PATH, space-separated)
#   RUNS=20 WARMUP=5 scripts/startup-benchmark.sh
#
# Prints hyperfine's table, the medians and the launcher's ratio to Node.js; keeps the table and the raw
# figures in target/startup-benchmark/. Exits 1 when something is missing, 0 otherwise (target met or not).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd -P)
runs=${RUNS:-10}
warmup=${WARMUP:-3}
out="$root/target/startup-benchmark"
node_dir="$root/benchmarks/startup"
jar="$root/cli/target/teardown.jar"
droplet=61486916

if [ ! -f "$jar" ]; then
  echo "startup-benchmark: $jar is missing; build it: mvn -q -B package -DskipTests" >&2
  exit 1
fi
for tool in java node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "startup-benchmark: $tool is missing; install it (Debian: apt-get install -y openjdk-17-jdk-headless nodejs npm)" >&2
    exit 1
  fi
done
if ! command -v hyperfine >/dev/null 2>&1; then
  as_root=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      as_root="sudo -n"
    else
      echo "startup-benchmark: hyperfine is missing, and installing it needs root: apt-get install -y hyperfine" >&2
      exit 1
    fi
  fi
  $as_root apt-get update -qq
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine
fi
if [ ! -d "$node_dir/node_modules/dots-wrapper" ]; then
  (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
mkdir -p "$out"

# One server for both clients: the API's example status document for droplet 61486916, on a free port.
port_file="$out/port"
rm -f "$port_file"
node "$node_dir/server.js" 0 >"$port_file" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  [ -s "$port_file" ] && break
  sleep 0.1
done
if [ ! -s "$port_file" ]; then
  echo "startup-benchmark: the loopback server did not start" >&2
  exit 1
fi
url="http://127.0.0.1:$(cat "$port_file")"

# Any token does for the loopback server; none of the user's reaches it.
unset DIGITALOCEAN_ACCESS_TOKEN DIGITALOCEAN_API_URL TEARDOWN_JAVA_OPTS
export DIGITALOCEAN_TOKEN=sandbox-token

status="status $droplet --api-url $url"
commands=("./teardown $status")
names=("teardown (launcher)")
# Jars built from earlier commits, started as the launcher used to start them: NAME=PATH, space-separated.
for pair in ${BEFORE_JARS:-}; do
  commands+=("java -jar ${pair#*=} $status")
  names+=("java -jar (${pair%%=*})")
done
commands+=("java -jar $jar $status")
names+=("java -jar teardown.jar")
if [ "${STEPS:-0}" = 1 ]; then
  # The launcher's options added one at a time, in the order docs/benchmarks.md gives them; the last
  # step, the class-data archive, is the launcher itself.
  jvm="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
  guice="-Dguice_bytecode_gen_option=DISABLED -Dguice_include_stack_traces=OFF"
  commands+=("java $jvm -jar $jar $status")
  names+=("+ C1 only, serial GC")
  commands+=("java $jvm $guice -jar $jar $status")
  names+=("+ Guice: no class generation")
fi
commands+=("node $node_dir/status.js $url $droplet")
names+=("node + dots-wrapper")

for command in "${commands[@]}"; do
  # Each command must work before it is timed: a failing one would be timed failing fast.
  if ! $command >/dev/null; then
    echo "startup-benchmark: this command failed: $command" >&2
    exit 1
  fi
done

hyperfine_args=(--shell=none --warmup "$warmup" --runs "$runs" --style basic
  --export-json "$out/hyperfine.json" --export-markdown "$out/hyperfine.md")
for i in "${!commands[@]}"; do
  hyperfine_args+=(--command-name "${names[$i]}" "${commands[$i]}")
done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"
hyperfine "${hyperfine_args[@]}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"

node - "$out/hyperfine.json" <<'JS'
const results = require(process.argv[2]).results;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const node = results.find((r) => r.command === 'node + dots-wrapper');
const rows = results.map((r) => ({ name: r.command, median: median(r.times), min: Math.min(...r.times), cpu: r.user + r.system }));
console.log('\n| command | median wall | min wall | mean CPU (user+sys) | median / Node.js |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.median.toFixed(3)} s | ${r.min.toFixed(3)} s | ${r.cpu.toFixed(3)} s | ${(r.median / median(node.times)).toFixed(2)}x |`);
}
const launcher = rows.find((r) => r.name === 'teardown (launcher)');
const ratio = launcher.median / median(node.times);
console.log(`\nteardown (launcher) / Node.js, median wall: ${ratio.toFixed(2)}x: target (at most 2x) ${ratio <= 2 ? 'met' : 'missed'}`);
JS
