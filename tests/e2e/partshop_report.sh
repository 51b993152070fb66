#!/usr/bin/env bash
# The review of test-inputs/partshop before its migration:
#   1. `report` writes the Markdown, JSON, SARIF and guide, and writes no
#      file of the sample (its tree hashes the same after);
#   2. a second run gives the same bytes, all four;
#   3. the JSON validates against docs/review.schema.json;
#   4. the counts, the decision, the name clash, the shared and dead metrics,
#      a test rewrite and the findings are the sample's (see its README);
#   5. the SARIF is 2.1.0 and every result carries a file and a line;
#   6. the Markdown has the nine sections.
#   usage: partshop_report.sh TOOL SOURCE_DIR BUILD_DIR SCHEMA WORK_DIR
# BUILD_DIR holds the sample's compile_commands.json (the partshop.before
# fixture).
set -euo pipefail

if [ $# -ne 5 ]; then
  echo "usage: $0 TOOL SOURCE_DIR BUILD_DIR SCHEMA WORK_DIR" >&2
  exit 2
fi
tool=$(realpath "$1")
source_dir=$(realpath "$2")
build_dir=$(realpath "$3")
schema=$(realpath "$4")
work=$(realpath -m "$5")
rm -rf "$work"
mkdir -p "$work/1" "$work/2"

die() {
  echo "partshop.report: FAIL: $*" >&2
  exit 1
}

tree_hash() {
  (cd "$source_dir" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum)
}

before=$(tree_hash)
for run in 1 2; do
  (cd "$source_dir" && "$tool" report -p "$build_dir" -o "$work/$run/review.md" \
      --json "$work/$run/review.json" --sarif "$work/$run/review.sarif" \
      --guide "$work/$run/guide.md") 2> "$work/$run/stderr" ||
    { cat "$work/$run/stderr" >&2; die "report exited $?"; }
done
[ "$(tree_hash)" = "$before" ] || die "report changed files of the sample"
for f in review.md review.json review.sarif guide.md; do
  cmp -s "$work/1/$f" "$work/2/$f" || { diff "$work/1/$f" "$work/2/$f" | head -20 >&2; die "$f differs between two runs"; }
done

python3 - "$work/1" "$schema" <<'PY'
import json, sys
import jsonschema

out, schema_path = sys.argv[1], sys.argv[2]
review = json.load(open(f"{out}/review.json"))
jsonschema.validate(review, json.load(open(schema_path)))
failures = []

def expect(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")

s = review["summary"]
for key, want in {
    "decision": "GO", "metrics_moved": 45, "metrics_shared": 1, "metrics_kept": 8,
    "metrics_dead": 1, "owners": 16, "wrappers_inlined": 39, "wrappers_helpers": 5,
    "wrappers_kept": 2, "injection_stripped": 50, "injection_kept": 3,
    "construction_sites_updated": 93, "tests_rewritten": 35, "manual_items": 0,
    "failed_tus": 0,
}.items():
    expect(f"summary.{key}", s[key], want)
expect("files changed", len(s["files"]), 59)
v = review["verified"]
expect("verified", (v["ran"], v["verified"], v["rounds"], len(v["failures"]), len(v["demotions"]),
                    len(v["new_warnings"])), (True, True, 1, 0, 0, 0))
expect("service shrinks", s["service_lines_after"] < s["service_lines_before"] / 3, True)

moved = {m["name"]: m for m in review["moved"]}
expect("moved entries", len(moved), 46)
q = moved.get("inventory_quantity_changes_total", {})
expect("shared owner", q.get("owner"), "services/inventory_service")
expect("shared users", q.get("users"), ["services/kit_service"])
expect("shared constant", q.get("constant"), "INVENTORY_QUANTITY_CHANGES_TOTAL")
clashes = [c for c in review["collisions"] if c["kind"] == "constant-clash"]
expect("clash", [(c["name"], c["resolution"]) for c in clashes],
       [("task_queue_depth", "the constant is named TASK_QUEUE_DEPTH_METRIC")])
expect("dead", [d["name"] for d in review["dead"]], ["auth_token_refreshes_total"])
expect("kept count", len(review["kept"]), 8)

rewrites = review["test_rewrites"]
if not any(r["before"].startswith("EXPECT_CALL(") and "EXPECT_DOUBLE_EQ(" in r["after"]
           for r in rewrites):
    failures.append("no test rewrite turns an EXPECT_CALL into EXPECT_DOUBLE_EQ")
if not all(r["where"]["file"].startswith("tests/") and r["where"]["line"] > 0 for r in rewrites):
    failures.append("a test rewrite lacks its tests/ file:line")

checks = {c["id"]: c for c in review["checks"]}
fired = sorted(i for i, c in checks.items() if c["fired"])
expect("checks fired", fired, ["record-before-failure", "unbounded-label", "wall-clock-duration"])
expect("record-before-failure evidence",
       [(e["file"], e["line"]) for e in checks["record-before-failure"]["evidence"]],
       [("services/inventory_service.cpp", 66)])
expect("wall clock evidence files",
       sorted({e["file"] for e in checks["wall-clock-duration"]["evidence"]}),
       ["services/pick_list_report_service.cpp"])
if not any("part_number" in e["note"] for e in checks["unbounded-label"]["evidence"]):
    failures.append("unbounded-label does not name part_number")
expect("invariants", [(i["id"], i["fired"]) for i in review["invariants"]],
       [("unique-names", False), ("defined-once", False), ("definitions-preserved", False),
        ("no-wrapper-call-left", False)])

sarif = json.load(open(f"{out}/review.sarif"))
expect("sarif version", sarif.get("version"), "2.1.0")
results = sarif["runs"][0]["results"]
rules = {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
if not results:
    failures.append("SARIF has no results")
for r in results:
    loc = r["locations"][0]["physicalLocation"]
    if not loc["artifactLocation"]["uri"] or loc.get("region", {}).get("startLine", 0) < 1:
        failures.append(f"SARIF result without file:line: {r}")
    if r["ruleId"] not in rules:
        failures.append(f"SARIF result of an undeclared rule: {r['ruleId']}")

md = open(f"{out}/review.md").read()
for n, title in enumerate(["Summary & Decision", "Moved metrics", "Name collisions",
                           "Shared, kept and dead metrics", "Injection removed",
                           "Test rewrites", "Adversarial checks", "Invariants", "Risks"], 1):
    if f"## {n}) {title}" not in md:
        failures.append(f"review.md lacks section {n}) {title}")
guide = open(f"{out}/guide.md").read()
if "`INVENTORY_QUANTITY_CHANGES_TOTAL` | `services/inventory_service.cpp`" not in guide:
    failures.append("the guide does not place INVENTORY_QUANTITY_CHANGES_TOTAL")

if failures:
    print("\n".join("partshop.report: FAIL: " + f for f in failures), file=sys.stderr)
    sys.exit(1)
print("partshop.report: ok")
PY
