# Sourced by the case runners: write_compile_db ROOT [STD [FLAGS]] writes
# ROOT/compile_commands.json listing every .cpp and .cc under ROOT (sorted), each
# compiled as STD (default c++17) with FLAGS (say `-DWITH_PROMETHEUS`) and ROOT on
# the include path (and ROOT/include, when there is one: headers kept apart from
# their sources). include_flags ROOT prints those -I flags. compilers prints
# the compilers a migrated tree must compile with, one per line: g++, and the
# Clang the tool is built with (scripts/install-deps.sh installs clang-19), else
# whichever clang++ there is; it fails when there is no clang++.

include_flags() {
  local root=$1
  printf -- '-I %s' "$root"
  if [ -d "$root/include" ]; then printf -- ' -I %s/include' "$root"; fi
}

write_compile_db() {
  local root=$1 std=${2:-c++17} extra=${3:-} first=1 f inc
  inc=$(include_flags "$root")
  [ -n "$extra" ] && inc="$extra $inc"
  {
    echo "["
    while IFS= read -r f; do
      [ "$first" = 1 ] || echo ","
      first=0
      printf '  {"directory": "%s", "file": "%s/%s", "command": "c++ -std=%s %s -c %s/%s"}' \
        "$root" "$root" "$f" "$std" "$inc" "$root" "$f"
    done < <(cd "$root" && find . \( -name '*.cpp' -o -name '*.cc' \) -printf '%P\n' | LC_ALL=C sort)
    echo
    echo "]"
  } > "$root/compile_commands.json"
}

compilers() {
  local clang
  echo g++
  for clang in clang++-19 clang++; do
    if command -v "$clang" > /dev/null; then
      echo "$clang"
      return 0
    fi
  done
  echo "no clang++ to compile the migrated tree with (clang-19 is a dependency)" >&2
  return 1
}
