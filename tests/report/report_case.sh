#!/usr/bin/env bash
# One report case: runs `metrics-migrate report` on a copy of CASE_DIR and
# checks its JSON against CASE_DIR/expected.
#   usage: report_case.sh TOOL CASE_DIR
#
# CASE_DIR is a small project (.metrics-migrate.yaml at its root) plus a file
# `expected`, one statement a line (blank lines and `#` comments aside):
#   check:<id>=fired|silent          section 7: `fired` of the check
#   invariant:<id>=holds|broken      section 8: broken when `fired`
#   decision=GO|GO-WITH-CONDITIONS|NO-GO
#   evidence:<id>=<file>[:<line>]    among the evidence of check or invariant <id>
#                                    (any line of <file> without `:<line>`)
#   no-evidence:<id>=<file>[:<line>] not among it
#   count:<id>=<n>                   the number of evidence entries of <id>
#   exit=<code>                      the exit code of `report` (default 0)
# A compile database listing every .cpp is written next to the copy.
# Every line is checked; the mismatches are printed together, each with the
# check's summary and evidence.
set -euo pipefail
# shellcheck source=../lib/compile_db.sh
source "$(dirname "$0")/../lib/compile_db.sh"

if [ $# -ne 2 ]; then
  echo "usage: $0 TOOL CASE_DIR" >&2
  exit 2
fi
tool=$(realpath "$1")
case_dir=$(realpath "$2")
name=$(basename "$case_dir")

die() {
  echo "report.$name: FAIL: $*" >&2
  exit 1
}

[ -x "$tool" ] || die "tool '$tool' is not executable"
[ -f "$case_dir/expected" ] || die "no expected in $case_dir"
[ -f "$case_dir/.metrics-migrate.yaml" ] || die "no .metrics-migrate.yaml in $case_dir"

work=$(mktemp -d "${TMPDIR:-/tmp}/report-$name.XXXXXX")
trap 'rm -rf "$work"' EXIT
root="$work/tree"
mkdir "$root"
(cd "$case_dir" && tar --exclude=./expected -cf - .) | (cd "$root" && tar -xf -)

# The compile database: every .cpp of the tree.
write_compile_db "$root"

expected_exit=$(sed -n 's/^[[:space:]]*exit=\([0-9]*\)[[:space:]]*$/\1/p' "$case_dir/expected" | tail -n 1)
expected_exit=${expected_exit:-0}

rc=0
(cd "$root" && "$tool" report -p . -o "$work/review.md" --json "$work/review.json" \
   --sarif "$work/review.sarif") \
  > "$work/stdout" 2> "$work/stderr" || rc=$?
sed -i "s|$root/||g; s|$root|<root>|g" "$work/stdout" "$work/stderr"

if [ "$rc" != "$expected_exit" ]; then
  echo "--- stderr of report:" >&2
  cat "$work/stderr" >&2
  die "report exited with $rc, expected $expected_exit"
fi
[ -s "$work/review.json" ] || { cat "$work/stderr" >&2; die "report wrote no JSON"; }
[ -s "$work/review.md" ] || { cat "$work/stderr" >&2; die "report wrote no markdown (-o)"; }

if ! python3 - "$case_dir/expected" "$work/review.json" "$name" "$work/review.sarif" <<'PY'; then
import json
import sys

expected_path, review_path, name, sarif_path = sys.argv[1:5]
with open(review_path) as f:
    review = json.load(f)

checks = {c["id"]: c for c in review.get("checks", [])}
invariants = {c["id"]: c for c in review.get("invariants", [])}
problems = []


def show(kind, entry):
    lines = [f"    {kind} {entry['id']}: fired={entry['fired']}; {entry.get('summary', '')}"]
    for e in entry.get("evidence", []):
        lines.append(f"      {e['file']}:{e['line']}: {e['note']}")
    if not entry.get("evidence"):
        lines.append("      (no evidence)")
    return "\n".join(lines)


def lookup(ident):
    if ident in checks:
        return "check", checks[ident]
    if ident in invariants:
        return "invariant", invariants[ident]
    return None, None


def places(entry):
    out = set()
    for e in entry.get("evidence", []):
        out.add(e["file"])
        out.add(f"{e['file']}:{e['line']}")
    return out


with open(expected_path) as f:
    lines = [l.strip() for l in f]

for number, line in enumerate(lines, 1):
    if not line or line.startswith("#"):
        continue
    where = f"expected:{number}: {line}"
    key, sep, value = line.partition("=")
    if not sep:
        problems.append(f"{where}\n    malformed line")
        continue
    kind, _, ident = key.partition(":")
    if key == "exit":
        continue  # checked by the shell
    if key == "decision":
        actual = review.get("summary", {}).get("decision")
        if actual != value:
            reasons = "\n".join("      " + r for r in review["summary"].get("decision_reasons", []))
            problems.append(f"{where}\n    decision is {actual}; reasons:\n{reasons}")
        continue
    if kind in ("check", "invariant"):
        table = checks if kind == "check" else invariants
        entry = table.get(ident)
        if entry is None:
            problems.append(f"{where}\n    no {kind} '{ident}' in the JSON")
            continue
        words = {"check": {"fired": True, "silent": False},
                 "invariant": {"broken": True, "holds": False}}[kind]
        if value not in words:
            problems.append(f"{where}\n    value must be one of {sorted(words)}")
            continue
        if entry["fired"] != words[value]:
            problems.append(f"{where}\n" + show(kind, entry))
        continue
    if kind in ("evidence", "no-evidence", "count"):
        what, entry = lookup(ident)
        if entry is None:
            problems.append(f"{where}\n    no check or invariant '{ident}' in the JSON")
            continue
        if kind == "count":
            ok = value.isdigit() and len(entry.get("evidence", [])) == int(value)
        elif kind == "evidence":
            ok = value in places(entry)
        else:
            ok = value not in places(entry)
        if not ok:
            problems.append(f"{where}\n" + show(what, entry))
        continue
    problems.append(f"{where}\n    unknown statement")

# Every SARIF result points at a file and a line (code-scanning UIs drop
# the others).
with open(sarif_path) as f:
    sarif = json.load(f)
for r in sarif["runs"][0]["results"]:
    loc = r.get("locations", [{}])[0].get("physicalLocation", {})
    if not loc.get("artifactLocation", {}).get("uri") or loc.get("region", {}).get("startLine", 0) < 1:
        problems.append(f"review.sarif: a result without file:line: {json.dumps(r)}")

if problems:
    print(f"report.{name}: {len(problems)} mismatch(es) against expected:", file=sys.stderr)
    for p in problems:
        print("  " + p, file=sys.stderr)
    sys.exit(1)
PY
  echo "--- stderr of report:" >&2
  cat "$work/stderr" >&2
  die "the review differs from expected"
fi
echo "report.$name: ok"
