#!/bin/sh
# cached.sh OUT CC ARG...: run `CC ARG... -o OUT` unless OUT was made by
# the same command line and the same compiler version (recorded in
# OUT.cmd), so that builds of real programs from Debian source
# (bench/real.sh, tests/470-*) are made once and reused. OUT appears
# whole or not at all. Exits with the compiler's status.
out=$1
shift
key="$("$1" --version 2>/dev/null | head -n 1) | $*"
if [ -f "$out" ] && [ -f "$out.cmd" ] && [ "$(cat "$out.cmd")" = "$key" ]; then
	exit 0
fi
mkdir -p "$(dirname "$out")" || exit 1
rm -f "$out" "$out.cmd"
"$@" -o "$out.tmp$$" || { rm -f "$out.tmp$$"; exit 1; }
mv -f "$out.tmp$$" "$out" && printf '%s\n' "$key" > "$out.cmd"
