#!/usr/bin/env bash
# The measurable part of a field trial (docs/field-trials.md) on any
# checkout: how many translation units parse before, what the catalog
# finds, what `diff` changes and how long it takes, the review's decision
# and the items left by reason, how many call sites of the service are
# left after the migration, and whether every translation unit still
# parses once the diff is applied. SRC is left as it was found.
#
#   usage: scripts/field-trial.sh SRC BUILD [TOOL]
#     SRC    the project root: a git work tree without uncommitted changes,
#            holding .metrics-migrate.yaml (run `metrics-migrate init` first)
#     BUILD  the folder holding compile_commands.json
#     TOOL   the metrics-migrate binary (default: build/tool/metrics-migrate)
#
# Everything it writes goes to a temporary folder it names at the end: the
# diff, the review (review.md, review.json) and each parse's errors.
# Needs python3 (to read the compile database) and the compiler each
# command names.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 2 ] || { sed -n '9,13p' "$0" >&2; exit 2; }
src=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
tool=$(realpath "${3:-$root/build/tool/metrics-migrate}")
out=$(mktemp -d /tmp/field-trial.XXXXXX)
jobs=${MM_JOBS:-2}

if [ -n "$(git -C "$src" status --porcelain --untracked-files=no)" ]; then
  echo "field-trial.sh: $src has uncommitted changes; commit or stash them first" >&2
  exit 2
fi

# parse_all LABEL: every TU of the database with its own command,
# -fsyntax-only -w; prints "parsed N of M" and leaves LABEL.errors.
parse_all() {
  python3 - "$build/compile_commands.json" "$jobs" "$out/$1.errors" <<'EOF'
import json, shlex, subprocess, sys
from concurrent.futures import ThreadPoolExecutor
db, jobs, errors = json.load(open(sys.argv[1])), int(sys.argv[2]), sys.argv[3]
def argv(entry):
    args = entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])
    kept, skip = [], False
    for a in args:
        if skip:
            skip = False
        elif a == "-o":
            skip = True
        elif a not in ("-c",):
            kept.append(a)
    return kept + ["-fsyntax-only", "-w"]
def parse(entry):
    p = subprocess.run(argv(entry), cwd=entry["directory"], capture_output=True, text=True)
    return entry["file"], p.returncode, p.stderr
with ThreadPoolExecutor(jobs) as pool:
    results = list(pool.map(parse, db))
with open(errors, "w") as f:
    for file, rc, err in results:
        if rc != 0:
            first = [l for l in err.splitlines() if "error:" in l][:3]
            f.write(file + "\n" + "\n".join("  " + l for l in first) + "\n")
ok = sum(1 for _, rc, _ in results if rc == 0)
print(f"parsed {ok} of {len(results)}")
EOF
}

# calls_left: the service's call sites the catalog finds in the tree now.
calls_left() {
  (cd "$src" && "$tool" catalog -p "$build" 2>/dev/null) | python3 -c '
import json, sys
print(len(json.load(sys.stdin)["call_sites"]))' 2>/dev/null || echo "none (no service class left)"
}

echo "== before"
echo "translation units: $(parse_all before)"
echo "call sites of the service: $(calls_left)"
(cd "$src" && "$tool" catalog -p "$build" --summary) || true

echo
echo "== metrics-migrate diff"
start=$(date +%s.%N)
set +e
(cd "$src" && "$tool" diff -p "$build" --stat > "$out/migration.diff" 2> "$out/diff.stderr")
diff_rc=$?
set -e
end=$(date +%s.%N)
echo "exit code: $diff_rc; seconds: $(echo "$end - $start" | bc)"
sed -n '/^diff --git/q;p' "$out/migration.diff" | tail -n 1
tail -n 15 "$out/diff.stderr"

echo
echo "== metrics-migrate report"
(cd "$src" && "$tool" report -p "$build" -o "$out/review.md" --json "$out/review.json" > /dev/null 2>&1) || true
python3 - "$out/review.json" <<'EOF' || echo "(no review written)"
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
print("decision:", s.get("decision"))
for key in ("metrics_moved", "metrics_shared", "metrics_kept", "metrics_dead",
            "wrappers_inlined", "wrappers_helpers", "wrappers_kept",
            "injection_stripped", "injection_kept", "manual_items"):
    if key in s:
        print(f"{key}: {s[key]}")
for r in s.get("left_by_reason", []):
    print(f"  left: {r}")
EOF

echo
echo "== after git apply"
if [ -s "$out/migration.diff" ] && git -C "$src" apply --index "$out/migration.diff"; then
  echo "translation units: $(parse_all after)"
  echo "call sites of the service: $(calls_left)"
  git -C "$src" reset -q --hard # also deletes the files the diff created
else
  echo "nothing applied"
fi
echo
echo "written to $out"
