#!/usr/bin/env bash
# Runs the JMH benchmarks (src/test/java/org/chinwag/bench and .../classify/bench) on this machine.
#   bench/jmh.sh                      all of them
#   bench/jmh.sh ConversationBenchmark   those whose name matches
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.openjdk.jmh.Main "$@"
