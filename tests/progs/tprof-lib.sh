# Sourced by the tprof tests (tests/5NN-tprof-*.sh) after tests/lib.sh.
# The oracles: tests/progs/tprof-burn.c spends its time in text in the
# ratio three:one = 3:1 by construction, and says how much CPU time it
# used; tprof's total must match that time and its rows that ratio,
# within the tolerances below (generous: the machine may be loaded).

TPROF="$VG $B/tprof"
RATIOTOL=8	# percentage points
CPUTOL=10	# percent of the CPU time, plus CPUSLACK ms
CPUSLACK=60

# burncc OUT [CC-ARGS...]: tprof-burn built, -O2 with symbols
burncc()
{
	_o=$1
	shift
	${CC:-cc} -O2 -g -o "$_o" "$TOP/tests/progs/tprof-burn.c" "$@" -lpthread || fail "cc tprof-burn.c"
}

# ms NAME REPORT: the ms of symbol NAME in a tprof report (0 if no row)
ms()
{
	awk -F'\t' -v n="$1" '$3 == n { v = $1 + 0 } END { print v + 0 }' "$2"
}

# total REPORT: the report's total
total()
{
	sed -n 's/^total: //p' "$1" | head -n 1
}

# share NAME REPORT: NAME's percentage of the samples in text (three + one + the rest)
share()
{
	awk -F'\t' -v n="$1" 'NR > 3 && NF == 3 { s += $1; if($3 == n) v = $1 } END { printf "%.1f", s ? 100 * v / s : 0 }' "$2"
}

# near WHAT GOT WANT TOL: |GOT - WANT| <= TOL, or fail
near()
{
	awk -v g="$2" -v w="$3" -v t="$4" 'BEGIN { d = g - w; if(d < 0) d = -d; exit !(d <= t) }' ||
		fail "$1: $2, want $3 +- $4"
}

# ratio3to1 REPORT: three has 75% of the text's samples, one 25%
ratio3to1()
{
	near "three's share" "$(share three "$1")" 75 $RATIOTOL
	near "one's share" "$(share one "$1")" 25 $RATIOTOL
}

# cpumatch REPORT CPUMS: the total is the CPU time used
cpumatch()
{
	near "total ms against $2 ms of CPU time" "$(total "$1")" "$2" \
		$(awk -v c="$2" -v p=$CPUTOL -v s=$CPUSLACK 'BEGIN { print int(c * p / 100 + s) }')
}

# cpuof OUT: the "cpu N" the program printed
cpuof()
{
	sed -n 's/^cpu //p' "$1"
}

# attached TPROFPID PID [ERRFILE]: wait (up to 20 s) until tprof samples
# PID: perf event fds in tprof, or tprof as PID's tracer; if tprof exits
# first, show its ERRFILE and fail
attached()
{
	_i=0
	while [ $_i -lt 200 ]; do
		if ls -l /proc/$1/fd 2>/dev/null | grep -q 'perf_event' ||
			grep -q "^TracerPid:[[:space:]]*$1\$" /proc/$2/status 2>/dev/null; then
			return 0
		fi
		kill -0 $1 2>/dev/null || { [ -z "$3" ] || cat "$3"; fail "tprof exited before it sampled pid $2"; }
		sleep 0.1
		_i=$((_i + 1))
	done
	fail "tprof did not attach to pid $2 in 20 s"
}

# execd PID FILE: wait (up to 10 s) until PID runs FILE: a command started
# with & is the shell for a moment, and tprof given its pid would read the
# shell's symbols
execd()
{
	_f=$(readlink -f "$2")
	_i=0
	while [ "$(readlink /proc/$1/exe 2>/dev/null)" != "$_f" ]; do
		_i=$((_i + 1))
		[ $_i -le 200 ] || fail "pid $1 did not start $2"
		sleep 0.05
	done
}
