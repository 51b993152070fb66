#!/usr/bin/env bash
# Benchmark metrics-migrate against plain Clang on a synthetic tree (bench/generate.py) and on
# test-inputs/partshop, on this machine, in one run. Writes bench/results.md.
#
#   bench/run.sh [--quick] [--tool PATH] [--out FILE] [--work DIR]
#
# Full run: 1,000 TUs (10% use metrics), best of 3, scaling over 250/500/1,000/2,000 TUs.
# --quick: 100 TUs, best of 1, scaling over 100/200/400 TUs. Most of the time goes to (c), (d)
# and partshop, which parse every TU with plain Clang.
#
# What is timed, each with the same parallelism J = $(nproc):
#   (a) metrics-migrate diff -q -j J                                   on the tree
#   (b) clang++-19 -fsyntax-only, xargs -P J, over the TUs the tool parsed
#   (c) the same over all TUs
#   (d) run-clang-tidy-19 -checks='-*,readability-else-after-return' -j J -quiet, all TUs
#   (e) (a) with --cache-dir, after one file changed (the cache populated first)
#   (f) (a) with --no-verify: (a) - (f) is what verification costs
#   (g) metrics-migrate catalog -q -j J (the scan alone)              on the tree
#   (h) (g) over the migrated texts of the TUs that name the service (a copy with (a)'s diff)
# Verification's cost is compared with the scan's share for as many TUs as it re-parsed
# (`report --json`: verified.reparsed), on the texts it parses: (a - f) / (h * reparsed / listed);
# against the original texts too, (a - f) / (g * reparsed / parsed), and (h / g) says how much
# more the migrated texts cost to parse.
# (b) and (c) use each TU's own command from compile_commands.json, with `-c` and `-o FILE`
# replaced by -fsyntax-only. The TUs of (b) are the generator's list of TUs that name the
# service (metric-tus.txt); the run stops unless their number is the number of TUs
# `catalog --summary` reports as parsed (translation units minus skipped), so the list is
# the tool's own, not a guess.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
quick=0
tool="$repo/build/tool/metrics-migrate"
out="$here/results.md"
work="${TMPDIR:-/tmp}/metrics-migrate-bench"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --tool) tool=$(realpath "$2"); shift ;;
    --out) out=$(realpath -m "$2"); shift ;;
    --work) work=$(realpath -m "$2"); shift ;;
    -h|--help) sed -n '2,28p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
[ -x "$tool" ] || { echo "run.sh: no tool at $tool" >&2; exit 2; }
for b in clang++-19 run-clang-tidy-19 clang-tidy-19 python3 cmake bc git /usr/bin/time; do
  command -v "$b" >/dev/null || { echo "run.sh: $b is missing" >&2; exit 2; }
done

J=$(nproc)
if [ $quick = 1 ]; then
  mode=quick; N=100; R=1; scale=(100 200 400)
else
  mode=full; N=1000; R=3; scale=(250 500 1000 2000)
fi
mkdir -p "$work"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
start_seconds=$SECONDS

# best_of R CMD...: the fastest wall time of R runs, in seconds; output discarded.
best_of() {
  local n=$1 best= t0 t1 t; shift
  for _ in $(seq "$n"); do
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || { echo "run.sh: failed: $*" >&2; exit 1; }
    t1=$(date +%s.%N)
    t=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  printf '%.2f\n' "$best"
}
ratio() { printf '%.3f' "$(echo "$1 / $2" | bc -l)"; }
ok() { [ "$(echo "$1" | bc -l)" = 1 ] && echo met || echo MISSED; }

# syntax_cmds DB [LIST]: one shell command per TU of DB (only those in LIST when given),
# NUL-separated: cd to its directory, run its own command with -fsyntax-only.
syntax_cmds() {
  python3 - "$@" <<'EOF'
import json, shlex, sys
db = json.load(open(sys.argv[1]))
keep = set(open(sys.argv[2]).read().split()) if len(sys.argv) > 2 else None
for e in db:
    if keep is not None and e["file"] not in keep:
        continue
    args = e.get("arguments") or shlex.split(e["command"])
    out, i = [], 0
    while i < len(args):
        if args[i] == "-o":
            i += 2
            continue
        if args[i] != "-c":
            out.append(args[i])
        i += 1
    cmd = "cd %s && %s -fsyntax-only" % (shlex.quote(e["directory"]), shlex.join(out))
    sys.stdout.write(cmd + "\0")
EOF
}
syntax_only() { # DB [LIST]
  syntax_cmds "$@" | xargs -0 -P "$J" -n1 sh -c
}
tool_diff() { # ROOT [extra flags]
  local root=$1; shift
  (cd "$root" && "$tool" diff -p build -q -j "$J" "$@")
}
tidy() { # ROOT
  run-clang-tidy-19 -clang-tidy-binary "$(command -v clang-tidy-19)" -p "$1/build" \
    -checks='-*,readability-else-after-return' -j "$J" -quiet
}
parsed_count() { # ROOT -> TUs the tool parsed (translation units minus skipped)
  (cd "$1" && "$tool" catalog -p build -q -j "$J" --summary) |
    sed -n 's/.*translation units *\([0-9]*\) (\([0-9]*\) skipped.*/\1 \2/p' | tail -n 1 |
    awk '{print $1 - $2}'
}

echo "== generating $N TUs in $work/tree-$N" >&2
tree="$work/tree-$N"
python3 "$here/generate.py" "$tree" --tus "$N"
parsed=$(parsed_count "$tree")
listed=$(wc -l < "$tree/metric-tus.txt")
if [ "$parsed" != "$listed" ]; then
  echo "run.sh: the tool parsed $parsed TUs, the generator lists $listed that name the service" >&2
  exit 1
fi
# (a) keeps its diff, which must change something, and its peak RSS (GNU time).
a_diff() {
  (cd "$tree" && /usr/bin/time -v -o "$work/a.time" "$tool" diff -p build -q -j "$J") \
    > "$work/tree-$N.diff"
}

# (h): the same scan over the texts verification parses, the migrated ones: a second
# copy of the tree with (a)'s diff applied, every TU of the list parsed (the prefilter
# would skip those that no longer name the service).
catalog_only() { (cd "$1" && "$tool" catalog -p build -q -j "$J" >/dev/null); }
catalog_listed() { # ROOT LIST
  (cd "$1" && xargs "$tool" catalog -p build -q -j "$J" --no-prefilter < "$2" >/dev/null)
}
echo "== (a) diff, once for its diff" >&2
a_diff
[ -s "$work/tree-$N.diff" ] || { echo "run.sh: empty diff on $tree" >&2; exit 1; }
(cd "$tree" && "$tool" report -p build -q -j "$J" -o /dev/null --json "$work/review.json")
reparsed=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["verified"]["reparsed"])' \
  "$work/review.json")
migrated="$work/migrated-$N"
python3 "$here/generate.py" "$migrated" --tus "$N" 2>/dev/null
(cd "$migrated" && git apply "$work/tree-$N.diff")
# (a), (f), (g) and (h) are compared with each other: they are taken in turn, R
# rounds, so that a change in the machine's speed meanwhile weighs on all four.
a= f= g= h=
least() { if [ -z "$1" ] || [ "$(echo "$2 < $1" | bc -l)" = 1 ]; then echo "$2"; else echo "$1"; fi; }
for i in $(seq $R); do
  echo "== round $i of $R: (a) diff, (f) diff --no-verify, (g) catalog, (h) catalog of the migrated texts" >&2
  a=$(least "$a" "$(best_of 1 a_diff)")
  f=$(least "$f" "$(best_of 1 tool_diff "$tree" --no-verify)")
  g=$(least "$g" "$(best_of 1 catalog_only "$tree")")
  h=$(least "$h" "$(best_of 1 catalog_listed "$migrated" "$migrated/metric-tus.txt")")
done
echo "== (b) syntax-only, parsed TUs" >&2
b=$(best_of $R syntax_only "$tree/build/compile_commands.json" "$tree/metric-tus.txt")
echo "== (c) syntax-only, all TUs" >&2
c=$(best_of $R syntax_only "$tree/build/compile_commands.json")
echo "== (d) run-clang-tidy-19" >&2; d=$(best_of $R tidy "$tree")

echo "== (e) diff --cache-dir after one change" >&2
cache="$work/cache-$N"; rm -rf "$cache"
tool_diff "$tree" --cache-dir "$cache" >/dev/null
changed="$tree/services/svc0/file0.cpp"
cp "$changed" "$work/changed.orig"
e=
for i in $(seq $R); do
  printf '// changed %s\n' "$i" >> "$changed"
  t=$(best_of 1 tool_diff "$tree" --cache-dir "$cache")
  if [ -z "$e" ] || [ "$(echo "$t < $e" | bc -l)" = 1 ]; then e=$t; fi
done
cp "$work/changed.orig" "$changed"
reused=$( (cd "$tree" && "$tool" catalog -p build -q -j "$J" --summary --cache-dir "$cache") |
  grep 'translation units' | tail -n 1)

rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$work/a.time")
rss_mb=$(echo "$rss_kb / 1024" | bc)
rss_worker=$(echo "$rss_kb / 1024 / $J" | bc)

declare -A S
for n in "${scale[@]}"; do
  echo "== scaling: $n TUs" >&2
  t="$work/tree-$n"
  if [ "$n" = "$N" ]; then S[$n]=$a; continue; fi # (a) itself
  python3 "$here/generate.py" "$t" --tus "$n" 2>/dev/null
  S[$n]=$(best_of $R tool_diff "$t")
done
lo=${scale[1]}; hi=${scale[-1]}   # 500 and 2,000 (quick: 200 and 400)
scale_ratio=$(ratio "${S[$hi]}" "${S[$lo]}")
scale_target=$(echo "4.4 * $hi / (4 * $lo)" | bc -l)

echo "== partshop" >&2
ps="$work/partshop"; rm -rf "$ps"; cp -r "$repo/test-inputs/partshop" "$ps"
cmake -S "$ps" -B "$ps/build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null
ps_parsed=$(parsed_count "$ps")
ps_all=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' \
  "$ps/build/compile_commands.json")
if [ "$ps_parsed" != "$ps_all" ]; then
  echo "run.sh: partshop: the tool skipped TUs; comparing against all $ps_all anyway" >&2
fi
pa=$(best_of $R tool_diff "$ps")
pb=$(best_of $R syntax_only "$ps/build/compile_commands.json")

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
ab=$(ratio "$a" "$b"); ac=$(ratio "$a" "$c"); ad=$(ratio "$a" "$d"); ea=$(ratio "$e" "$a")
ps_ratio=$(ratio "$pa" "$pb")
verify_cost=$(printf '%.2f' "$(echo "$a - $f" | bc -l)")
verify_ratio=$(ratio "$verify_cost" "$(echo "$h * $reparsed / $listed" | bc -l)")
verify_vs_original=$(ratio "$verify_cost" "$(echo "$g * $reparsed / $parsed" | bc -l)")
texts_ratio=$(ratio "$h" "$g")
# The run itself keeps J cores busy: other work shared the machine when the
# 1-minute load was 1 or more before it started, or above J + 1 at its end.
loaded=$(echo "${load_before%% *} >= 1 || ${load_after%% *} > $J + 1" | bc -l)

{
  echo "# metrics-migrate benchmark ($mode run)"
  echo
  echo "Produced by \`bench/run.sh$([ $quick = 1 ] && echo ' --quick')\`."
  echo
  echo "- date: $started"
  echo "- cores (\`nproc\`): $J; every run uses $J workers (\`-j $J\`, \`xargs -P $J\`)"
  echo "- tool: $("$tool" --version)"
  echo "- mode: $mode, best of $R; tree of $N TUs, $listed of them use metrics (\`bench/generate.py --tus $N\`)"
  echo "- the whole run took $(( (SECONDS - start_seconds) / 60 )) min $(( (SECONDS - start_seconds) % 60 )) s"
  echo "- load average (1/5/15 min): $load_before at the start, $load_after at the end"
  if [ "$loaded" = 1 ]; then
    echo "- the load average shows other work sharing the machine (1-minute load of 1 or more"
    echo "  before the run, or above the core count + 1 after it), so"
    echo "  times are noisy and ratios between runs taken minutes apart are less reliable"
  fi
  echo
  echo "| measurement | seconds |"
  echo "|---|---|"
  echo "| (a) \`metrics-migrate diff -q -j $J\` | $a |"
  echo "| (b) \`clang++-19 -fsyntax-only\` over the $parsed TUs the tool parsed | $b |"
  echo "| (c) \`clang++-19 -fsyntax-only\` over all $N TUs | $c |"
  echo "| (d) \`run-clang-tidy-19 -checks='-*,readability-else-after-return'\` over all $N TUs | $d |"
  echo "| (e) (a) with \`--cache-dir\`, one file changed | $e |"
  echo "| (f) (a) with \`--no-verify\` | $f |"
  echo "| (g) \`metrics-migrate catalog\` (the scan alone, $parsed TUs parsed) | $g |"
  echo "| (h) (g) over the migrated texts of the same $listed TUs (\`--no-prefilter\`) | $h |"
  for n in "${scale[@]}"; do echo "| (a) on $n TUs | ${S[$n]} |"; done
  echo "| partshop: \`metrics-migrate diff\` ($ps_parsed TUs parsed) | $pa |"
  echo "| partshop: \`clang++-19 -fsyntax-only\` over its $ps_all TUs | $pb |"
  echo
  echo "(e) ran with the cache of a previous run; the change was one line appended to"
  echo "\`services/svc0/file0.cpp\`. The cached run's summary: \`$reused\`."
  echo
  echo "| ratio | measured | target | |"
  echo "|---|---|---|---|"
  echo "| a/b | $ab | ≤ 1.15 | $(ok "$ab <= 1.15") |"
  echo "| a/c | $ac | ≤ 0.2 | $(ok "$ac <= 0.2") |"
  echo "| a/d | $ad | ≤ 0.2 | $(ok "$ad <= 0.2") |"
  echo "| e/a | $ea | ≤ 0.1 | $(ok "$ea <= 0.1") |"
  printf '| (a) %s TUs / %s TUs | %s | ≤ %.2f (4.4 for 2,000/500) | %s |\n' "$hi" "$lo" \
    "$scale_ratio" "$scale_target" "$(ok "$scale_ratio <= $scale_target")"
  echo "| peak RSS of (a) per worker | $rss_worker MB ($rss_mb MB in all, $J workers) | < 400 MB | $(ok "$rss_worker < 400") |"
  echo "| partshop: diff / syntax-only | $ps_ratio | ≤ 1.2 | $(ok "$ps_ratio <= 1.2") |"
  echo "| verification (a - f = $verify_cost s, $reparsed TUs re-parsed) / the scan of as many TUs as verification reads them (h * $reparsed / $listed) | $verify_ratio | ≤ 1.0 | $(ok "$verify_ratio <= 1.0") |"
  echo "| verification / the scan of as many original TUs (g * $reparsed / $parsed) | $verify_vs_original | | |"
  echo "| the scan of the migrated texts / of the original texts (h / g) | $texts_ratio | | |"
  echo
  echo "Verification parses the migrated texts, which cost more to parse than the originals:"
  echo "each file that records a metric now defines a family and instantiates prometheus-cpp's"
  echo "templates where it called a wrapper. (h / g) is that difference, which any parse of the"
  echo "new texts pays; the target compares verification with the scan of the same texts."
} > "$out"
cat "$out"
