#!/bin/sh
# The profiling runtime's overhead per call, side by side with its peers.
#
# Four programs (bench/rt-*.c, gcc -O2, noinline functions): fib(32)
# recursive, a loop of 50 million calls to two small functions, qsort
# of 2^20 ints with a comparator (about 20 million calls), and msort, the
# same sort by a merge sort in the program (so that gprof records the
# comparator's calls, which it drops when glibc's qsort makes them).
# Each is built
#	plain		-O2, the reference
#	prof		-finstrument-functions + libprof.a, run with proftype=
#			user, kernel, elapsed and sample
#	floor		-finstrument-functions + bench/floor.c: hooks that only read
#			the cycle counter (once each) and push/pop a shadow stack
#	empty		-finstrument-functions + hooks that do nothing
#	gprof		-pg (run as is: mcount and gmon.out)
#	uftrace		the -pg build under `uftrace record`
# and timed in turn, round after round (bench/rt-time.c, one run each;
# each round runs every program by every method, a round of warmups
# first; the best of RUNS rounds): on a shared machine a busy spell then
# slows a round of all alike instead of one method or program. uftrace, whose
# runs take seconds and write GBs, is timed apart (hyperfine -N if there,
# best of UFRUNS). A method's overhead per call is
# (its time - plain time) / the calls it makes. Calls are counted as each
# method sees them (gcc -O2 turns one of fib's two recursive calls into a
# loop, unless the hooks are there): -finstrument-functions builds, the
# sum of prof's Calls column, checked against a counting build of the
# floor (and against construction for fib and the loop); -pg builds, a
# separate build whose mcount only counts (bench/pgcount.c; gprof's call
# graph, also shown, leaves out calls from code not built with -pg, such
# as qsort's to the comparator); uftrace, the Calls of `uftrace report`.
#
# Usage: B=build sh bench/runtime.sh, from the top of the tree, after make.
# Environment: RUNS (9), UFRUNS (3: uftrace writes GBs), RTCC (gcc),
# FIBN (32), LOOPN (25000000 iterations: 2 calls each), QSORTN (1048576),
# NOINSTALL=1 (never apt-get install hyperfine or uftrace as root),
# NOUFTRACE=1 (leave uftrace out), NOHYPERFINE=1 (time with bench/rt-time),
# KEEP=1 keeps the work directory.
set -e
top=$(pwd)
B=${B:-build}
case $B in /*) ;; *) B=$top/$B ;; esac
RTCC=${RTCC:-gcc}
RUNS=${RUNS:-9}
UFRUNS=${UFRUNS:-3}
FIBN=${FIBN:-32}
LOOPN=${LOOPN:-25000000}
QSORTN=${QSORTN:-1048576}
S=$top/bench

. "$S/lib.sh"

[ -f "$B/libprof.a" ] || die "no $B/libprof.a; run make first"
[ -x "$B/prof" ] || die "no $B/prof; run make first"
command -v "$RTCC" >/dev/null || die "$RTCC not found"

hf=0
if [ "${NOHYPERFINE:-0}" != 1 ]; then
	have hyperfine hyperfine && hf=1
fi
uf=0
if [ "${NOUFTRACE:-0}" != 1 ]; then
	have uftrace uftrace && uf=1
fi
gp=0
command -v gprof >/dev/null && gp=1

workdir profrtbench
mkdir "$w/run"

# --- builds ---
cc2()
{
	"$RTCC" -O2 "$@" || die "$RTCC -O2 $*: failed"
}
cc2 -o "$w/rt-time" "$S/rt-time.c"
cc2 -c -o "$w/floor.o" "$S/floor.c"
cc2 -DEMPTY -c -o "$w/empty.o" "$S/floor.c"
cc2 -DCOUNT -c -o "$w/floorcount.o" "$S/floor.c"
cc2 -c -o "$w/pgcount.o" "$S/pgcount.c"
progs="fib loop qsort msort"
for p in $progs; do
	src=$S/rt-$p.c
	cc2 -o "$w/$p.plain" "$src"
	cc2 -finstrument-functions -o "$w/$p.prof" "$src" "$B/libprof.a" -lpthread -ldl
	cc2 -finstrument-functions -o "$w/$p.floor" "$src" "$w/floor.o"
	cc2 -finstrument-functions -o "$w/$p.empty" "$src" "$w/empty.o"
	cc2 -finstrument-functions -o "$w/$p.floorcount" "$src" "$w/floorcount.o"
	cc2 -pg -o "$w/$p.pg" "$src"
	cc2 -pg -o "$w/$p.pgcount" "$src" "$w/pgcount.o"
done

# --- timing ---
# tm ENV RUNS [PREPARE] -- CMD...: the best wall time of CMD in ns, run in
# $w/run with the environment variable ENV (NAME=VALUE) set.
tm()
{
	_e=$1 _n=$2
	shift 2
	_p=
	if [ "$1" != -- ]; then
		_p=$1
		shift
	fi
	shift
	if [ $hf = 1 ]; then
		rm -f "$w/hf.json"
		if [ -n "$_p" ]; then
			(cd "$w/run" && env "$_e" hyperfine -N --style none --warmup 1 --runs "$_n" \
				--prepare "$_p" --export-json "$w/hf.json" -- "$*") >"$w/hf.log" 2>&1
		else
			(cd "$w/run" && env "$_e" hyperfine -N --style none --warmup 1 --runs "$_n" \
				--export-json "$w/hf.json" -- "$*") >"$w/hf.log" 2>&1
		fi || { cat "$w/hf.log" >&2; die "hyperfine $*: failed"; }
		sed -n 's/^ *"min": *\([0-9.eE+-]*\),*$/\1/p' "$w/hf.json" | head -n 1 |
			awk '{ printf "%.0f\n", $1 * 1e9 }'
	else
		if [ -n "$_p" ]; then
			(cd "$w/run" && env "$_e" "$w/rt-time" -w 1 -n "$_n" -p "$_p" "$@")
		else
			(cd "$w/run" && env "$_e" "$w/rt-time" -w 1 -n "$_n" "$@")
		fi || die "$*: failed"
	fi
}

# newest prof.<pid> in directory $1
newest()
{
	ls -t "$1"/prof.[0-9]* 2>/dev/null | head -n 1
}

# argof P: program P's argument
argof()
{
	case $1 in
	fib) echo "$FIBN";;
	loop) echo "$LOOPN";;
	qsort|msort) echo "$QSORTN";;
	esac
}

# once P M: one run of program P by method M, in $w/run/P/M; its wall time in ns
once()
{
	_d=$w/run/$1/$2
	_a=$(argof "$1")
	mkdir -p "$_d"
	case $2 in
	user|kernel|elapsed|sample) set -- "proftype=$2" "$w/$1.prof";;
	gprof) set -- X=1 "$w/$1.pg";;
	*) set -- X=1 "$w/$1.$2";;
	esac
	(cd "$_d" && env "$1" "$w/rt-time" -w 0 -n 1 "$2" "$_a") || die "$2 $_a: failed"
}

# profcalls PROGRAM PROFILE: the sum of prof's Calls column; prof's
# stderr (what the mode measured) goes to $w/prof.err
profcalls()
{
	"$B/prof" "$1" "$2" > "$w/prof.out" 2> "$w/prof.err" || { cat "$w/prof.err" >&2; die "prof $1 $2: failed"; }
	sed 1d "$w/prof.out" | awk -F'\t' '{ n = split($1, f, " "); s += f[n] } END { print s + 0 }'
}

# countof NAME CMD...: N of the line "NAME calls N" on a counting build's
# stderr (run in $w: its gmon.out is not the one gprof reads)
countof()
{
	_k=$1
	shift
	(cd "$w" && "$@" 2>&1 >/dev/null) | sed -n "s/^$_k calls \\([0-9]*\\)\$/\\1/p" | tail -n 1
}

# construction: fib(n) makes 2*fib(n+1)-1 calls of fib; the loop 2 a turn; main 1
fibcalls=$(awk -v n="$FIBN" 'BEGIN { a = 0; b = 1; for(i = 0; i < n + 1; i++){ c = a + b; a = b; b = c } print 2 * a - 1 + 1 }')
loopcalls=$(awk -v n="$LOOPN" 'BEGIN { printf "%.0f\n", 2 * n + 1 }')

# Round 0 warms up; in each round every program is run by every method:
# a busy spell on a shared machine then slows one round of all, not all
# the runs of one program.
modes="user kernel elapsed sample"
ms="plain $modes floor empty gprof"
rm -rf "$w/run"/*
note "timing: a warmup round, then $RUNS rounds"
for r in $(seq 0 "$RUNS"); do
	for p in $progs; do
		for m in $ms; do
			v=$(once $p $m)
			[ "$r" -gt 0 ] || continue
			eval "o=\${t_${p}_$m:-}"
			[ -n "$o" ] && [ "$o" -le "$v" ] || eval "t_${p}_$m=\$v"
		done
	done
done

for p in $progs; do
	arg=$(argof $p)
	for m in $modes; do
		f=$(newest "$w/run/$p/$m")
		[ -n "$f" ] || die "$p.prof (proftype=$m) wrote no profile"
		c=$(profcalls "$w/$p.prof" "$f")
		eval "c_${p}_$m=\$c"
		sed "s/^prof: [^:]*: //; s/^/	$p, proftype=$m: prof says: /" "$w/prof.err" >> "$w/notes"
	done
	c=$(countof floor "$w/$p.floorcount" "$arg")
	eval "c_${p}_floor=\$c c_${p}_empty=\$c"
	for m in $modes; do
		eval "pc=\$c_${p}_$m"
		[ "$pc" = "$c" ] || note "$p: prof (proftype=$m) counts $pc calls, the floor's counter $c"
	done
	case $p in
	fib) [ "$c" = "$fibcalls" ] || note "fib: $c calls, $fibcalls by construction";;
	loop) [ "$c" = "$loopcalls" ] || note "loop: $c calls, $loopcalls by construction";;
	esac

	c=$(countof pg "$w/$p.pgcount" "$arg")
	eval "c_${p}_gprof=\$c c_${p}_uftrace="
	g=-
	if [ $gp = 1 ] && [ -f "$w/run/$p/gprof/gmon.out" ]; then
		# call graph primary lines: [i] %time self children called[+self] name [i]
		g=$(gprof -b -q "$w/$p.pg" "$w/run/$p/gprof/gmon.out" 2>/dev/null | awk '/^\[[0-9]+\]/ && $5 ~ /^[0-9]+(\+[0-9]+)?$/ {
			split($5, c, "+"); s += c[1] + c[2] } END { print s + 0 }')
	fi
	echo "	$p, gprof: mcount called $c times; gprof's call graph shows $g calls" >> "$w/notes"
	rm -rf "$w/run/$p"

	if [ $uf = 1 ]; then
		note "$p: uftrace record"
		eval "t_${p}_uftrace=\$(tm X=1 \"\$UFRUNS\" \"rm -rf uftrace.data uftrace.data.old\" -- uftrace record \"\$w/\$p.pg\" \"\$arg\")"
		sz=$(du -sk "$w/run/uftrace.data" | awk '{ printf "%.0f", $1 / 1024 }')
		# Total Self Calls Function, times as "N unit"; linux:schedule lines are not calls
		c=$(cd "$w/run" && uftrace report --no-pager 2>/dev/null | awk '$5 ~ /^[0-9]+$/ && $6 !~ /^linux:/ { s += $5 } END { print s + 0 }')
		eval "c_${p}_uftrace=\$c"
		echo "	$p, uftrace: $c calls recorded, trace $sz MB" >> "$w/notes"
		rm -rf "$w/run/uftrace.data" "$w/run/uftrace.data.old"
	fi
done

# --- report ---
# ov P M: overhead per call of method M on program P in ns ("" if not measured)
ov()
{
	eval "_t=\$t_$1_$2 _c=\$c_$1_$2 _b=\$t_$1_plain"
	[ -n "$_t" ] && [ -n "$_c" ] && [ "$_c" -gt 0 ] || return 0
	awk -v t="$_t" -v b="$_b" -v c="$_c" 'BEGIN { printf "%.2f", (t - b) / c }'
}

# rat A B: A/B, or - when either is missing or B is not positive
rat()
{
	awk -v a="$1" -v b="$2" 'BEGIN { if(a == "" || b == "" || b + 0 <= 0) print "-"; else printf "%.2f", a / b }'
}

ms()
{
	awk -v n="$1" 'BEGIN { printf "%.1f", n / 1e6 }'
}

if [ $hf = 1 ]; then
	how="methods in turn, best of $RUNS rounds after a warmup round (uftrace apart: hyperfine -N, best of $UFRUNS)"
else
	how="methods in turn, best of $RUNS rounds after a warmup round (uftrace apart: best of $UFRUNS)"
fi
echo "Runtime overhead per call: $RTCC -O2, $how; $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) CPUs"
echo "overhead per call = (time - plain time) / calls the method makes"
methods="user kernel elapsed sample floor empty gprof uftrace"
for p in $progs; do
	case $p in
	fib) title="fib($FIBN), recursive";;
	loop) title="loop: $LOOPN x 2 calls";;
	qsort) title="qsort of $QSORTN ints";;
	msort) title="msort of $QSORTN ints: the program's own merge sort";;
	esac
	eval "b=\$t_${p}_plain"
	fl=$(ov $p floor)
	ut=$(ov $p uftrace)
	echo
	echo "$title: plain $(ms "$b") ms"
	printf '%-14s %10s %12s %9s %7s %9s\n' method "time ms" calls "ns/call" /floor /uftrace
	for m in $methods; do
		eval "t=\$t_${p}_$m c=\$c_${p}_$m"
		[ -n "$t" ] || { printf '%-14s %10s\n' "$m" "(not run)"; continue; }
		o=$(ov "$p" "$m")
		case $m in
		user|kernel|elapsed|sample) name="prof $m";;
		gprof) name="gprof -pg";;
		uftrace) name="uftrace rec";;
		*) name=$m;;
		esac
		printf '%-14s %10s %12s %9s %7s %9s\n' "$name" "$(ms "$t")" "$c" "$o" "$(rat "$o" "$fl")" "$(rat "$o" "$ut")"
	done
done

echo
echo "Side by side, ns per call (ratio to the floor, to uftrace):"
printf '%-14s %22s %22s %22s %22s\n' method $progs
for m in $methods; do
	line=$(printf '%-14s' "$m")
	for p in $progs; do
		o=$(ov "$p" "$m")
		if [ -z "$o" ]; then
			cell=-
		else
			cell="$o ($(rat "$o" "$(ov $p floor)"), $(rat "$o" "$(ov $p uftrace)"))"
		fi
		line="$line$(printf ' %22s' "$cell")"
	done
	echo "$line"
done
line=$(printf '%-14s' "sample/gprof")
for p in $progs; do
	line="$line$(printf ' %22s' "$(rat "$(ov $p sample)" "$(ov $p gprof)")")"
done
echo "$line"
echo "Goal: user and elapsed within 1.5x of the floor; sample at or below gprof (sample/gprof <= 1)."
echo "Notes:"
cat "$w/notes"
if [ $uf = 0 ]; then
	if [ "${NOUFTRACE:-0}" = 1 ]; then
		echo "	uftrace: left out (NOUFTRACE=1)"
	else
		echo "	uftrace: not installed (and not installable here); its column is left out"
	fi
fi
