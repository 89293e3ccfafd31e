#!/bin/sh
# prof on very large profiles: NODES (10,000,000) call-tree nodes in one
# thread of a prof.<pid> file (bench/mkbig.c: each node a child of one of
# the 1000 before it, routines drawn from a real binary's symbols), flat
# and -d reports to /dev/null. Prints the CPU time (user+system) and the
# peak resident size of each, and that size per byte of the file: memory
# grows with the profile, by a fixed factor. No peer reads this format,
# so the figures are absolute. Then two profiles of CMPNODES (1,000,000)
# nodes each, drawn with two seeds, compared (prof -b: the functions'
# report, and -g calls of a profile against itself, which matches every
# path and prints nothing). -b -d is left out: like -F it prints every
# path in full, and these trees are CMPNODES/500 levels deep.
# Then prof -P (pprof's profile.proto) of NODES nodes in paths at most
# DEPTH (32) calls deep: pprof repeats every path in full, so the deep
# tree above would be 10^11 frames; real programs' paths are shallow (the
# flat report of the same file for comparison). Its size is given too.
#
# Usage: B=build sh bench/bigprof.sh. Environment: NODES, CMPNODES, DEPTH, CC, KEEP=1.
set -e
top=$(pwd)
B=${B:-build}
case $B in /*) ;; *) B=$top/$B ;; esac
CC=${CC:-cc}
NODES=${NODES:-10000000}
CMPNODES=${CMPNODES:-1000000}
DEPTH=${DEPTH:-32}

[ -x "$B/prof" ] || { echo "bench bigprof: no $B/prof; run make first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench bigprof: skipped: needs /usr/bin/time (apt-get install time)"; exit 0; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/bigprof.XXXXXX")
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$dir"' EXIT
$CC -O2 -Iinclude -o "$dir/mkbig" bench/mkbig.c
nm "$B/prof" | awk '$2 ~ /^[tT]$/ { print $1 }' > "$dir/addrs"
"$dir/mkbig" "$B/prof" "$NODES" < "$dir/addrs" > "$dir/prof.big"
size=$(wc -c < "$dir/prof.big")
echo "bench bigprof: $NODES nodes, $((size / 1048576)) MB, $(wc -l < "$dir/addrs") routines"
for opt in "" -d; do
	/usr/bin/time -f '%U %S %M' -o "$dir/time" "$B/prof" $opt "$B/prof" "$dir/prof.big" > /dev/null 2> "$dir/err" ||
		{ cat "$dir/err" >&2; exit 1; }
	awk -v o="prof ${opt:-(flat)}" -v s="$size" '{ printf "  %-12s cpu %6.2f s  peak %5d MB  %.2f bytes per file byte\n", o, $1 + $2, $3 / 1024, $3 * 1024 / s }' "$dir/time"
done
"$dir/mkbig" "$B/prof" "$CMPNODES" 1 < "$dir/addrs" > "$dir/prof.a"
"$dir/mkbig" "$B/prof" "$CMPNODES" 2 < "$dir/addrs" > "$dir/prof.b"
echo "bench bigprof: two profiles of $CMPNODES nodes compared (prof -b)"
for opt in "-b $dir/prof.a" "-b $dir/prof.a -g calls"; do
	case $opt in *-g*) other=$dir/prof.a ;; *) other=$dir/prof.b ;; esac
	/usr/bin/time -f '%U %S %M' -o "$dir/time" "$B/prof" $opt "$B/prof" "$other" > /dev/null 2> "$dir/err" ||
		{ cat "$dir/err" >&2; exit 1; }
	awk -v o="prof ${opt#"-b $dir/prof.a"}" '{ printf "  %-12s cpu %6.2f s  peak %5d MB\n", o == "prof " ? "prof -b" : "prof -b" substr(o, 5), $1 + $2, $3 / 1024 }' "$dir/time"
done
"$dir/mkbig" "$B/prof" "$NODES" 0 "$DEPTH" < "$dir/addrs" > "$dir/prof.big"
size=$(wc -c < "$dir/prof.big")
echo "bench bigprof: $NODES nodes at most $DEPTH deep, $((size / 1048576)) MB"
for opt in "" -P; do
	/usr/bin/time -f '%U %S %M' -o "$dir/time" "$B/prof" $opt "$B/prof" "$dir/prof.big" 2> "$dir/err" |
		wc -c > "$dir/out" || { cat "$dir/err" >&2; exit 1; }
	[ -s "$dir/time" ] && ! grep -q 'exit status' "$dir/time" || { cat "$dir/err" "$dir/time" >&2; exit 1; }
	awk -v o="prof ${opt:-(flat)}" -v s="$size" -v w="$(cat "$dir/out")" '{ printf "  %-12s cpu %6.2f s  peak %5d MB  %.2f bytes per file byte  output %d MB\n", o, $1 + $2, $3 / 1024, $3 * 1024 / s, w / 1048576 }' "$dir/time"
done
