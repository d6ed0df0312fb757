#!/usr/bin/env bash
# Load test of the HTTP path (web chat -> inbox -> SQLite -> reply), on loopback only.
# Starts the built jar on a fresh SQLite file, drives RESIDENTS whole conversations with
# CONCURRENCY at a time, prints throughput and latency percentiles, then stops the service.
#   bench/webchat-load.sh [RESIDENTS=300] [CONCURRENCY=16]
set -euo pipefail
cd "$(dirname "$0")/.."
residents=${1:-300}
concurrency=${2:-16}
[ -f target/chinwag.jar ] || mvn -B -q package -DskipTests
work=$(mktemp -d)
port=$(( 20000 + RANDOM % 20000 ))
touch "$work/empty.properties"
CHINWAG_PORT=$port CHINWAG_DB_URL="jdbc:sqlite:$work/load.db" CHINWAG_CONFIG="$work/empty.properties" \
  java -jar target/chinwag.jar serve > "$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$port/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
java bench/WebChatLoad.java "http://127.0.0.1:$port" "$residents" "$concurrency"
