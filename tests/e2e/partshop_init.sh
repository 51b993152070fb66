#!/usr/bin/env bash
# `metrics-migrate init` on the sample as if it had no configuration: the
# starter it writes names the same service class and registry as the
# sample's own .metrics-migrate.yaml, and it says what it found.
#   usage: partshop_init.sh TOOL PARTSHOP_SOURCE_DIR PARTSHOP_BUILD_DIR
set -euo pipefail
tool=$1 source_dir=$2 build_dir=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$tool" init -p "$build_dir" --root "$source_dir" -o "$out/starter.yaml" 2> "$out/said"
cat "$out/said"
grep -q '^service class: partshop::MetricsService (metrics/metrics_service\.h:[0-9]*), 55 metric field(s), injected through [0-9]* constructor parameter(s) (its own or as partshop::MetricsServiceProtocol)$' "$out/said" ||
  { echo "FAIL: unexpected summary"; exit 1; }

value() { sed -n "s/^$1: *//p" "$2" | tr -d '"'; }
status=0
for key in service_class '  expr' '  header'; do
  want=$(value "$key" "$source_dir/.metrics-migrate.yaml")
  got=$(value "$key" "$out/starter.yaml")
  if [ "$want" != "$got" ]; then
    echo "FAIL: ${key# *}: got '$got', the sample says '$want'"
    status=1
  fi
done
[ $status = 0 ] && echo "ok: the starter names the sample's service class and registry"
exit $status
