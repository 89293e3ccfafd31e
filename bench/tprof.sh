#!/bin/sh
# tprof against perf record / perf report (Debian linux-perf), in the same run.
#
# 1. Slowdown. bench/tp-work.c does a fixed amount of CPU-bound work
#    (ROUNDS rounds, THREADS threads, about 2.5 s) and prints the wall
#    time of the work alone. It starts waiting on a fifo; the profiler
#    attaches by pid; the work is let go; the profiler runs until the
#    target exits. Four ways, alternated, RUNS times each, median kept:
#	none		no profiler
#	tprof PID	perf events (cpu-clock), 1 sample a ms of CPU: the default
#	perf record	perf record -F 1000 -p PID
#	tprof -p PID	the ptrace sampler, 1 ms
#    slowdown = median work time / median work time with no profiler - 1;
#    shown too: the same for the best (shortest) of the runs, and for the
#    CPU time of the work (which counts the sampling interrupts the target
#    takes, but not its waiting for a CPU while other load runs: steadier
#    on a busy machine; it misses the ptrace sampler's stops).
# 2. Report time for about SAMPLES (1,000,000) samples across NLIB (50)
#    shared objects. tp-work dlopens NLIB objects built from bench/tp-lib.c
#    (4 functions each) and spreads its time over their 200 functions, in
#    one thread per CPU; it writes CLOCK_MONOTONIC just before it exits.
#    Sampling every PERIOD (20) µs of CPU time, the number of rounds that
#    gives SAMPLES samples is found by a short calibration run of tprof.
#	tprof -a -i PERIOD -c tp-work ...: time from the target's exit to
#		tprof's exit (tprof has tallied the samples while sampling;
#		what is left is symbols and the report, -a: by module too)
#	perf record -e cpu-clock -c PERIOD*1000 -- tp-work ...: the same
#		(perf record's own tail: build-ids), shown for reference
#	perf report -i perf.data --stdio --sort dso,sym > /dev/null: its
#		wall time, median of 3
#    The figure compared is tprof's exit-to-report against perf report.
#
# perf is looked for as perf, /usr/bin/perf_*, /usr/lib/linux-tools*/perf
# (the first whose perf record works); as root, linux-perf is installed
# with apt-get when none is there; otherwise the bench says what to install
# and is skipped. As root, kernel.perf_event_max_sample_rate is raised to
# allow PERIOD if it is too low (the kernel may also lower it by itself
# when sampling is slow) and set back before each run and at the end.
#
# Usage: B=build sh bench/tprof.sh, from the top of the tree, after make.
# Environment: RUNS (5), ROUNDS (50000), THREADS (1), NLIB (50),
# SAMPLES (1000000), PERIOD (20, µs), CC (cc), NOINSTALL=1 (never
# apt-get install), KEEP=1 keeps the work directory.
set -e
top=$(pwd)
B=${B:-build}
case $B in /*) ;; *) B=$top/$B ;; esac
CC=${CC:-cc}
RUNS=${RUNS:-5}
ROUNDS=${ROUNDS:-50000}
THREADS=${THREADS:-1}
NLIB=${NLIB:-50}
SAMPLES=${SAMPLES:-1000000}
PERIOD=${PERIOD:-20}
NCPU=$(nproc 2>/dev/null || echo 1)
S=$top/bench

die()
{
	echo "bench tprof: $*" >&2
	exit 1
}

note()
{
	echo "bench tprof: $*" >&2
}

[ -x "$B/tprof" ] || die "no $B/tprof; run make first"
command -v "$CC" >/dev/null || die "$CC not found"

w=$(mktemp -d "${TMPDIR:-/tmp}/tprofbench.XXXXXX")
rate=/proc/sys/kernel/perf_event_max_sample_rate
rate0=$(cat "$rate" 2>/dev/null || echo)
ratewant=$rate0
root=0
[ "$(id -u)" -eq 0 ] && root=1
cleanup()
{
	if [ $root = 1 ] && [ -n "$rate0" ] && [ "$(cat "$rate" 2>/dev/null)" != "$rate0" ]; then
		echo "$rate0" > "$rate" 2>/dev/null || true
	fi
	if [ "${KEEP:-0}" = 1 ]; then
		note "work directory $w"
	else
		rm -rf "$w"
	fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# --- perf ---
# findperf: PERF = the first perf whose perf record works here
findperf()
{
	for _p in $(command -v perf 2>/dev/null) /usr/bin/perf_* /usr/lib/linux-tools*/perf \
		/usr/lib/linux-tools/*/perf; do
		[ -x "$_p" ] || continue
		if "$_p" record -q -e cpu-clock -o "$w/probe.data" -- true >/dev/null 2>&1; then
			PERF=$_p
			rm -f "$w/probe.data"
			return 0
		fi
	done
	return 1
}
PERF=
if ! findperf; then
	if [ "${NOINSTALL:-0}" != 1 ] && [ $root = 1 ] && command -v apt-get >/dev/null; then
		note "installing linux-perf"
		apt-get install -y linux-perf >/dev/null 2>&1 ||
			{ apt-get update >/dev/null 2>&1 && apt-get install -y linux-perf >/dev/null 2>&1; } || true
	fi
	if ! findperf; then
		echo "bench tprof: skipped: needs a working perf (apt-get install linux-perf, or the linux-tools of this kernel)"
		exit 0
	fi
fi
perfver=$("$PERF" --version 2>/dev/null | head -n 1)

# --- builds ---
WARN="-Wall -Wextra"
"$CC" -std=c11 -D_GNU_SOURCE -O2 $WARN -pthread -o "$w/tp-work" "$S/tp-work.c" -ldl ||
	die "cannot build bench/tp-work.c"
mkdir "$w/lib"
i=0
while [ $i -lt "$NLIB" ]; do
	"$CC" -std=c11 -O2 $WARN -DN=$i -shared -fPIC -o "$w/lib/libtp$i.so" "$S/tp-lib.c" ||
		die "cannot build bench/tp-lib.c"
	i=$((i + 1))
done
TW=$w/tp-work

now()
{
	"$TW" -c
}

# setrate: as root, perf_event_max_sample_rate back to what the runs need
setrate()
{
	[ $root = 1 ] && [ -n "$ratewant" ] || return 0
	[ "$(cat "$rate")" = "$ratewant" ] || echo "$ratewant" > "$rate" 2>/dev/null || true
}

# --- 1. slowdown ---
mkfifo "$w/go"
exec 3<>"$w/go"

# run1 MODE: one timed run of the work with MODE's profiler attached;
# sets ns (work time), cpu (its CPU time) and ns_samples (samples the
# profiler reports)
run1()
{
	"$TW" -w -t "$THREADS" -n "$ROUNDS" < "$w/go" > "$w/work.out" 3>&- &
	_t=$!
	sleep 0.2	# exec'd and waiting on the fifo
	_p=
	case $1 in
	tprof)
		"$B/tprof" $_t > "$w/p.out" 2> "$w/p.err" 3>&- &
		_p=$!;;
	ptrace)
		"$B/tprof" -p $_t > "$w/p.out" 2> "$w/p.err" 3>&- &
		_p=$!;;
	perf)
		"$PERF" record -F 1000 -o "$w/perf1.data" -p $_t > "$w/p.out" 2> "$w/p.err" 3>&- &
		_p=$!;;
	esac
	[ -z "$_p" ] || sleep 0.5	# attached
	echo go >&3
	wait $_t || die "tp-work failed ($1)"
	if [ -n "$_p" ]; then
		wait $_p || { cat "$w/p.err" >&2; die "$1 failed"; }
	fi
	ns=$(sed -n 's/^ns //p' "$w/work.out")
	cpu=$(sed -n 's/^cpu //p' "$w/work.out")
	[ -n "$ns" ] && [ -n "$cpu" ] || die "tp-work printed no time ($1)"
	case $1 in
	tprof|ptrace)
		ns_samples=$(sed -n 's/^total: //p' "$w/p.out")
		grep -v 'using the ptrace sampler' "$w/p.err" | sed "s/^/	$1: /" >> "$w/notes" || true;;
	perf)
		ns_samples=$(sed -n 's/.*(\([0-9]*\) samples).*/\1/p' "$w/p.err");;
	*)
		ns_samples=;;
	esac
}

median()
{
	sort -n | awk '{ v[NR] = $1 } END { if(NR == 0) print ""; else if(NR % 2) print v[(NR + 1) / 2];
		else printf "%.0f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

: > "$w/notes"
modes="none tprof perf ptrace"
note "slowdown: $RUNS runs of each of $modes"
run1 none	# warm-up, not counted
r=0
while [ $r -lt "$RUNS" ]; do
	for m in $modes; do
		run1 $m
		echo "$ns" >> "$w/t.$m"
		echo "$cpu" >> "$w/c.$m"
		[ -z "$ns_samples" ] || echo "$ns_samples" >> "$w/s.$m"
	done
	r=$((r + 1))
done
exec 3>&-
for m in $modes; do
	eval "t_$m=\$(median < \"\$w/t.\$m\")"
	eval "b_$m=\$(sort -n \"\$w/t.\$m\" | head -n 1)"
	eval "c_$m=\$(median < \"\$w/c.\$m\")"
	eval "s_$m="
	[ ! -f "$w/s.$m" ] || eval "s_$m=\$(median < \"\$w/s.\$m\")"
done

# --- 2. report time ---
pns=$((PERIOD * 1000))
need=$((1000000 / PERIOD))
if [ -n "$rate0" ] && [ "$rate0" -lt "$need" ]; then
	if [ $root = 1 ]; then
		ratewant=$need
		note "raising kernel.perf_event_max_sample_rate from $rate0 to $need"
	else
		note "kernel.perf_event_max_sample_rate is $rate0, below the $need a $PERIOD µs period needs (run as root to raise it)"
	fi
fi
libargs="-t $NCPU -l $NLIB -d $w/lib"

# calibration: samples per round at this period, from a short run
cal=$((100 * 2 / NCPU))
[ $cal -ge 20 ] || cal=20
note "report: calibrating ($cal rounds)"
setrate
"$B/tprof" -a -i "$PERIOD" -c "$TW" $libargs -n $cal > "$w/cal.out" 2> "$w/cal.err" ||
	{ cat "$w/cal.err" >&2; die "tprof -a -i $PERIOD -c tp-work failed"; }
calsamples=$(sed -n 's/^total: //p' "$w/cal.out")
[ -n "$calsamples" ] && [ "$calsamples" -gt 0 ] || die "calibration: tprof reported no samples"
rounds2=$(awk -v s="$SAMPLES" -v c="$cal" -v n="$calsamples" 'BEGIN { printf "%.0f", s * c / n + 1 }')

note "report: tprof, $rounds2 rounds"
setrate
set +e
"$B/tprof" -a -i "$PERIOD" -c "$TW" $libargs -n "$rounds2" -e "$w/stamp.tprof" > "$w/tp2.out" 2> "$w/tp2.err"
st=$?
end=$(now)
set -e
[ $st = 0 ] || { cat "$w/tp2.err" >&2; die "tprof -a -i $PERIOD -c tp-work failed"; }
tp_ns=$((end - $(cat "$w/stamp.tprof")))
tp_samples=$(sed -n 's/^total: //p' "$w/tp2.out")
tp_out=$(sed -n 's/^outside text: //p' "$w/tp2.out")
tp_mods=$(awk -F'\t' '/^outside text:/ { o = 1; next } o && NF >= 4 && $4 ~ /libtp[0-9]*\.so$/ { m[$4] = 1 }
	END { n = 0; for(k in m) n++; print n }' "$w/tp2.out")
grep -v 'counts are samples, not ms' "$w/tp2.err" | sed "s/^/	tprof -a -i $PERIOD: /" >> "$w/notes" || true

note "report: perf record -c $pns"
setrate
set +e
"$PERF" record -e cpu-clock -c "$pns" -o "$w/perf.data" -- "$TW" $libargs -n "$rounds2" -e "$w/stamp.perf" \
	> "$w/pr.out" 2> "$w/pr.err"
st=$?
end=$(now)
set -e
[ $st = 0 ] || { cat "$w/pr.err" >&2; die "perf record failed"; }
prec_ns=$((end - $(cat "$w/stamp.perf")))
perf_samples=$(sed -n 's/.*(\([0-9]*\) samples).*/\1/p' "$w/pr.err")
grep -iE 'lost|throttl|warn' "$w/pr.err" | sed "s/^/	perf record -c $pns: /" >> "$w/notes" || true

note "report: perf report (3 times)"
: > "$w/t.rep"
i=0
while [ $i -lt 3 ]; do
	t0=$(now)
	"$PERF" report -i "$w/perf.data" --stdio --sort dso,sym > "$w/rep.out" 2> "$w/rep.err" ||
		{ cat "$w/rep.err" >&2; die "perf report failed"; }
	t1=$(now)
	echo $((t1 - t0)) >> "$w/t.rep"
	i=$((i + 1))
done
rep_ns=$(median < "$w/t.rep")
perf_mods=$(grep -oE 'libtp[0-9]+\.so' "$w/rep.out" | sort -u | wc -l)

# --- report ---
ms()
{
	awk -v n="$1" 'BEGIN { if(n == "") print "-"; else printf "%.1f", n / 1e6 }'
}

# slow T B: the slowdown of time T against B, in %
slow()
{
	awk -v t="$1" -v b="$2" 'BEGIN { printf "%+.1f%%", (t / b - 1) * 100 }'
}

# row TITLE MODE: a line of the slowdown table
row()
{
	eval "_t=\$t_$2 _b=\$b_$2 _c=\$c_$2 _s=\$s_$2"
	printf "$line" "$1" "$(ms "$_t")" "$(slow "$_t" "$t_none")" "$(slow "$_b" "$b_none")" \
		"$(ms "$_c")" "$(slow "$_c" "$c_none")" "${_s:--}"
}

rat()
{
	awk -v a="$1" -v b="$2" 'BEGIN { if(a == "" || b == "" || b + 0 <= 0) print "-"; else printf "%.2f", a / b }'
}

echo "tprof vs perf: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $NCPU CPUs, Linux $(uname -r), $perfver"
echo
echo "1. Slowdown of tp-work ($THREADS thread(s), $ROUNDS rounds), profiler attached by pid; median of $RUNS runs"
line='%-31s %9s %9s %9s %9s %9s %8s\n'
printf "$line" "" "work ms" slowdown "(best)" "cpu ms" "(cpu)" samples
printf "$line" "no profiler" "$(ms "$t_none")" - - "$(ms "$c_none")" - -
row "tprof PID (perf events, 1 ms)" tprof
row "perf record -F 1000 -p PID" perf
row "tprof -p PID (ptrace, 1 ms)" ptrace
d_tp=$((t_tprof - t_none))
d_pf=$((t_perf - t_none))
echo "tprof/perf: work time $(rat "$t_tprof" "$t_perf"), added time $(rat "$d_tp" "$d_pf")," \
	"added CPU time $(rat $((c_tprof - c_none)) $((c_perf - c_none))) (- when perf added none)"
echo "Goal: tprof no worse than perf, and under 2%. Times are medians (but (best)); samples: tprof's total, perf's count."
echo
echo "2. Report time: tp-work in $NCPU threads over $NLIB shared objects ($((NLIB * 4)) functions)," \
	"$rounds2 rounds, a sample every $PERIOD µs of CPU time"
line='%-44s %9s %8s %12s\n'
printf "$line" "" samples objects "ms"
printf "$line" "tprof -a -i $PERIOD -c: target exit to report" "$tp_samples" "$tp_mods" "$(ms "$tp_ns")"
printf "$line" "perf record -c $pns: target exit to end" "$perf_samples" - "$(ms "$prec_ns")"
printf "$line" "perf report --stdio --sort dso,sym (median of 3)" "$perf_samples" "$perf_mods" "$(ms "$rep_ns")"
echo "tprof/perf report: $(rat "$tp_ns" "$rep_ns");" \
	"tprof/(perf record tail + perf report): $(rat "$tp_ns" $((prec_ns + rep_ns)))"
echo "	(tprof: $tp_out samples outside the text; calibration: $calsamples samples in $cal rounds)"
if [ -s "$w/notes" ]; then
	echo "Notes (profilers' warnings):"
	sort "$w/notes" | uniq -c | awk '{ n = $1; sub(/^ *[0-9]+ /, ""); print $0 (n > 1 ? " (" n " times)" : "") }'
fi
