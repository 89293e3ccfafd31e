#!/bin/sh
# Benchmarks, run side by side with the peer tool, reported as ratios.
#
# Symbol tables: a program with 100,000 small functions (a quarter of them
# static). Load its table with nm -n (output to /dev/null) and with our
# reader (symelf), and resolve 1,000,000 pseudo-random text addresses with
# symfind. Each figure is the best of 5 runs.
#
# Usage: B=build sh bench/run.sh (make bench builds the library first).
# Environment: NFUNC (100000), NFILE (8, compiled in parallel), NLOOK
# (1000000), RUNS (5), CC (cc), KEEP=1 keeps the work directory.
set -e
top=$(pwd)
B=${B:-build}
case $B in /*) ;; *) B=$top/$B ;; esac
CC=${CC:-cc}
NFUNC=${NFUNC:-100000}
NFILE=${NFILE:-8}
NLOOK=${NLOOK:-1000000}
RUNS=${RUNS:-5}

die()
{
	echo "bench: $*" >&2
	exit 1
}

[ -f "$B/libproftools.a" ] || die "no $B/libproftools.a; run make first"
command -v nm >/dev/null || die "nm not found"

w=$(mktemp -d "${TMPDIR:-/tmp}/profbench.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
	echo "bench: work directory $w"
else
	trap 'rm -rf "$w"' EXIT
	trap 'exit 1' INT TERM HUP
fi

elflibs=$(pkg-config --libs libelf 2>/dev/null || echo -lelf)
SB=$w/symbench
$CC -std=c11 -D_GNU_SOURCE -O2 -I"$top/include" -I"$top/src/lib" -o "$SB" "$top/bench/symbench.c" \
	"$B/libproftools.a" $elflibs || die "cannot build bench/symbench.c"

# best CMD...: the smallest of RUNS timings CMD prints (one number a run)
best()
{
	i=0
	b=
	while [ $i -lt "$RUNS" ]; do
		v=$("$@") || die "$* failed"
		if [ -z "$b" ] || [ "$v" -lt "$b" ]; then
			b=$v
		fi
		i=$((i + 1))
	done
	echo "$b"
}

# ms NS: nanoseconds as milliseconds
ms()
{
	awk -v n="$1" 'BEGIN { printf "%.1f", n / 1e6 }'
}

# ratio A B: A/B
ratio()
{
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'
}

# The program, in NFILE files of empty functions, every fourth static;
# "used" keeps the unreferenced ones. (Empty bodies: gcc -O0 spends about
# 0.1 ms on each, half what a body with a call costs here.)
awk -v nfunc="$NFUNC" -v nfile="$NFILE" -v dir="$w" 'BEGIN {
	per = int((nfunc + nfile - 1) / nfile)
	for(f = 0; f < nfile; f++){
		out = dir "/gen" f ".c"
		for(k = f * per; k < (f + 1) * per && k < nfunc; k++)
			printf "%s__attribute__((noinline, used)) void fn_%06d(void) { }\n",
				k % 4 == 1 ? "static " : "", k > out
		close(out)
	}
	print "int main(void) { return 0; }" > (dir "/main.c")
}'

# Compile the files in parallel, then link; timed as one command.
{
	echo 'set -e'
	echo "cd '$w'"
	for f in "$w"/gen*.c "$w"/main.c; do
		f=${f##*/}
		echo "$CC -O0 -fno-asynchronous-unwind-tables -c -o ${f%.c}.o $f & pids=\"\$pids \$!\""
	done
	echo 'for p in $pids; do wait $p; done'
	echo "$CC -o big gen*.o main.o"
} > "$w/build.sh"
tbuild=$("$SB" -t sh "$w/build.sh") || die "building the $NFUNC-function program failed"
big=$w/big

nsym=$(nm "$big" | grep -c ' [Tt] ') || die "nm $big"
size=$(wc -c < "$big")
tnm=$(best "$SB" -t nm -n "$big")
tproc=$(best "$SB" -t "$SB" "$big" 0)

# In process: best load and best lookup time over RUNS runs.
i=0
bload=
blook=
while [ $i -lt "$RUNS" ]; do
	r=$("$SB" "$big" "$NLOOK") || die "symbench $big failed"
	set -- $r
	[ $# -eq 3 ] || die "symbench $big: bad output '$r'"
	ours=$1
	if [ -z "$bload" ] || [ "$2" -lt "$bload" ]; then bload=$2; fi
	if [ -z "$blook" ] || [ "$3" -lt "$blook" ]; then blook=$3; fi
	i=$((i + 1))
done

echo "Symbol tables: $NFUNC generated functions; text symbols: nm $nsym, ours $ours"
echo "executable $(awk -v n="$size" 'BEGIN { printf "%.1f", n / 1048576 }') MB, built in $(ms "$tbuild") ms ($CC -O0, $NFILE files in parallel); best of $RUNS runs"
line='%-36s %10s %8s\n'
printf "$line" "" "ms" "ours/nm"
printf "$line" "nm -n FILE >/dev/null (process)" "$(ms "$tnm")" ""
printf "$line" "symbench FILE 0: load (process)" "$(ms "$tproc")" "$(ratio "$tproc" "$tnm")"
printf "$line" "symelf() (in process)" "$(ms "$bload")" "$(ratio "$bload" "$tnm")"
printf "$line" "$NLOOK x symfind() (in process)" "$(ms "$blook")" ""
echo "lookups per second: $(awk -v n="$NLOOK" -v t="$blook" 'BEGIN { printf "%.1f million", (t > 0 ? n / t * 1e3 : 0) }')"
