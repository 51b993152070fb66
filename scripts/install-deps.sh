#!/usr/bin/env bash
# Installs the Debian 12 packages metrics-migrate builds and tests with.
# Idempotent: refreshes the package lists, then installs only what is missing.
set -euo pipefail

# libclang-rt-19-dev holds the sanitizer runtimes and libFuzzer (scripts/sanitize.sh,
# scripts/fuzz.sh); clang-tidy-19 is what the benchmark compares against, and time
# and bc are what it measures with (bench/run.sh).
PACKAGES=(
  cmake ninja-build g++ git
  llvm-19-dev libclang-19-dev libclang-cpp19-dev clang-19 clang-tools-19 clang-tidy-19
  libclang-rt-19-dev time bc
  libcli11-dev googletest libgtest-dev libgmock-dev
  prometheus-cpp-dev python3-jsonschema
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
