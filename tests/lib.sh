# Sourced by every test case. Runs in the case's own temporary directory.
# $TOP is the source tree, $B the build directory.

if [ "${VALGRIND:-0}" = 1 ]; then
	VG="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite"
else
	VG=
fi
PROF="$VG $B/prof"
SYMDUMP="$B/tests/symdump"
MKCLASSIC="$B/tests/mkclassic"

fail()
{
	echo "FAIL: $*"
	exit 1
}

skip()
{
	echo "skipped: $*"
	exit 77
}

# same DESCRIPTION EXPECTED-FILE ACTUAL-FILE: the files are byte-identical
same()
{
	cmp -s "$2" "$3" || { echo "$1: output differs (- expected, + actual)"; diff -u "$2" "$3" | cat -A | head -60; exit 1; }
}

# mkelf OUT NAME=ADDR ...: a static ELF whose text holds function symbols
# NAME at hex ADDR (given in increasing order, all >= 0x1000), text ending
# 16 bytes past the last. Addresses known by construction.
mkelf()
{
	out=$1
	shift
	{
		echo '.text'
		for s in "$@"; do
			n=${s%%=*}
			a=${s#*=}
			printf '.org 0x%x\n.globl %s\n.type %s,@function\n%s:\n\tnop\n' \
				$(($a - 0x1000)) "$n" "$n" "$n"
		done
		printf '.org 0x%x\n' $((${s#*=} - 0x1000 + 16))
	} > "$out.s"
	as -o "$out.o" "$out.s" || fail "as $out.s"
	ld -static -Ttext=0x1000 -e 0x1000 -o "$out" "$out.o" 2>/dev/null || fail "ld $out"
}

# errcase DESCRIPTION PATTERN CMD...: CMD exits 1 with exactly one stderr
# line, matching the grep -E PATTERN, and nothing on stdout.
errcase()
{
	d=$1
	pat=$2
	shift 2
	"$@" >errcase.out 2>errcase.err
	rc=$?
	[ $rc -eq 1 ] || { cat errcase.err; fail "$d: exit status $rc, want 1"; }
	[ ! -s errcase.out ] || fail "$d: wrote to stdout"
	[ "$(wc -l < errcase.err)" -eq 1 ] || { cat errcase.err; fail "$d: want one line on stderr"; }
	grep -Eq -- "$pat" errcase.err || fail "$d: stderr '$(cat errcase.err)' does not match '$pat'"
}

# --- helpers of the runtime tests (4NN-rt-*) ---

# rtcc OUT SRC [CC-ARGS...]: SRC built profiled (-finstrument-functions, and
# $RTOPT, default -O0) with the static runtime, by $CC or cc.
rtcc()
{
	_o=$1 _s=$2
	shift 2
	${CC:-cc} ${RTOPT:--O0} -g -I"$TOP/include" -finstrument-functions -o "$_o" "$_s" "$@" \
		"$B/libprof.a" -lpthread -ldl || fail "cc $_s"
}

# plaincc OUT SRC [CC-ARGS...]: SRC built without profiling, the reference.
plaincc()
{
	_o=$1 _s=$2
	shift 2
	${CC:-cc} -O0 -g -I"$TOP/include" -o "$_o" "$_s" "$@" -lpthread -ldl || fail "cc $_s"
}

# profile: the one prof.<pid> file here (fails unless exactly one).
profile()
{
	set -- prof.[0-9]*
	[ $# -eq 1 ] && [ -f "$1" ] || fail "want one prof.<pid> file, have: $*"
	echo "$1"
}

# calls PROGRAM PROFILE: prof's flat report as "name calls" lines sorted by name.
calls()
{
	$PROF "$1" "$2" > calls.out 2>calls.err || { cat calls.err; fail "prof $1 $2: exit $?"; }
	sed 1d calls.out | awk -F'\t' '{ n = split($1, f, " "); print $2, f[n] }' | LC_ALL=C sort
}

# graph [-r] PROGRAM PROFILE: prof -d (or -dr) with the times masked (name:T,
# name:T/count) and tabstop=100, so a line is "." and 2*depth-1 spaces, then the node.
graph()
{
	_f=-d
	[ "$1" = -r ] && { _f=-dr; shift; }
	tabstop=100 $PROF $_f "$1" "$2" > graph.out 2>graph.err || { cat graph.err; fail "prof $_f $1 $2: exit $?"; }
	sed 's/:[0-9]*/:T/' graph.out
}

# tree: lines "DEPTH NAME COUNT" on stdin rendered as graph prints them
# (DESIGN 1.2 with tabstop=100: indent(d) is "." then 2d-1 spaces).
tree()
{
	awk '{ s = ""; if($1 > 0){ s = "."; for(i = 1; i < 2 * $1; i++) s = s " " }
		if($2 == "...") print s "..."; else if($3 == 1) print s $2 ":T"; else print s $2 ":T/" $3 }'
}

# msof NAME: the time in ms of the first node NAME in graph.out (prof -d output).
msof()
{
	sed -n "s/^[. 	]*$1:\\([0-9]*\\).*/\\1/p" graph.out | head -n 1
}

# asnobody CMD...: CMD as user nobody (65534) when we are root, else as ourselves.
asnobody()
{
	if [ "$(id -u)" -eq 0 ]; then
		setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
	else
		"$@"
	fi
}

# mkaout OUT: a Plan 9 a.out from tests/bin/mkaout's text on stdin.
mkaout()
{
	$B/tests/mkaout > "$1" || fail "mkaout $1"
}
