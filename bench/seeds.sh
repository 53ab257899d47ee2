#!/usr/bin/env bash
# Runs the main scenario with several seeds and prints one line per run: seed, exit code, verdict lines.
# Usage: bash bench/seeds.sh [scenario] [first-seed] [last-seed]   (default: scenarios/converter.yml 1 10)
set -u
scenario=${1:-scenarios/converter.yml}
first=${2:-1}
last=${3:-10}
out=$(mktemp -d)
for seed in $(seq "$first" "$last"); do
  log="$out/seed-$seed.log"
  node bin/crashtest.js run "$scenario" --seed "$seed" --db "$out/results.db" --out "$out/reports" > "$log" 2>&1
  code=$?
  echo "seed $seed: exit $code · $(grep -E '^  (PASS|FAIL|ERROR)' "$log" | awk '{print $1 " " $2}' | paste -sd' ')"
  rm -rf "$out/reports"
done
rm -rf "$out"
