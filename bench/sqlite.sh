#!/bin/sh
# The profiling runtime on a real program: SQLite's sqlite3 shell, built from
# Debian's source package (tools/sqlite.sh: apt-get source sqlite3, after
# adding a deb-src line for the mirror apt uses; the amalgamation made with
# the tree's own make), every way bench/real.sh builds a program, running a
# workload of SQLITEN inserts (tools/sqlite.sh sql: indexes, joins, window
# functions, updates, deletes; about 0.3 s unprofiled here) into a
# database file. Then SQLite's own concurrency tests from the source tree,
# built with gcc -O2 -finstrument-functions and the runtime, each run once
# with no environment set and once with profsize=$BIGSIZE: mptest
# (mptest/config01.test: a controller and five client processes, a
# profile each; mostly asleep, about 50 s) and test/threadtest4.c
# (TT4THREADS worker threads in shared-cache mode): calls recorded and
# lost, call paths of the profiles' sum and the most in one profile.
#
# Usage: B=build sh bench/sqlite.sh, from the top of the tree, after make.
# Environment: SQLITEN (100000), TT4THREADS (4: threadtest4 gives up now
# and then when profiled, "Deadlock" after 10 retries or "database schema
# is locked", more often with 8; the status is shown), NOMPTEST=1, and bench/real.sh's: RUNS (7), BIGSIZE, NOCLANG=1,
# NOUFTRACE=1, NOINSTALL=1, KEEP=1.
S=$(pwd)/bench
. "$S/real.sh"
SQLITEN=${SQLITEN:-100000}
TT4THREADS=${TT4THREADS:-4}

realsetup
a=$(sh "$top/tools/sqlite.sh" amal "$CACHE") || die "no SQLite amalgamation"
tree=$(sh "$top/tools/sqlite.sh" tree "$CACHE") || die "no SQLite source tree"
NAME=sqlite
TITLE="SQLite $(cat "$tree/VERSION") shell (Debian source), $SQLITEN inserts, indexes, joins, window functions, updates, deletes"
SRCS="$a/sqlite3.c $a/shell.c"
PCFLAGS="-DSQLITE_THREADSAFE=1 -I$a"
PLIBS="-lpthread -ldl -lm"
PREP="rm -f bench.db"
sh "$top/tools/sqlite.sh" sql "$SQLITEN" > "$IN/work.sql"
ARGS="-init $IN/work.sql bench.db"
realbench

# concurrency PROGRAM ARG...: PROGRAM (built in $w/bin) run in $w/run/PROGRAM
# with no environment set and with profsize=$BIGSIZE; one line each, with
# its exit status (a test that gives up under the slowdown still writes
# its profiles)
concurrency()
{
	_p=$1
	shift
	for _e in X=1 "profsize=$BIGSIZE"; do
		_d=$w/run/$_p
		rm -rf "$_d"
		mkdir -p "$_d"
		_s=0
		(cd "$_d" && env $_e "$w/bin/$_p" "$@" > out 2> err) || _s=$?
		[ $_s = 0 ] || note "$_p $* ($_e): exit $_s: $(grep -v '^prof:' "$_d/err" | head -n 1)"
		set -- $(profstats "$w/bin/$_p" "$_d") "$@"
		printf '%-40s %5s %12s %12s %7s %9s %7s\n' "$_p, $(echo "$_e" | sed 's/^X=1$/no environment/')" $_s "$1" "$2" "$3" "$4" "$5"
		shift 5
	done
}

o=$(SRCS=$a/sqlite3.c; objs gcc inst) || die "cannot compile sqlite3.c"
f="-O2 -finstrument-functions -DSQLITE_THREADSAFE=1 -I$a"
gcc $f -DHAVE_USLEEP -o "$w/bin/mptest" "$tree/mptest/mptest.c" $o "$B/libprof.a" -lpthread -ldl -lm ||
	die "cannot build mptest"
gcc $f -o "$w/bin/threadtest4" "$tree/test/threadtest4.c" $o "$B/libprof.a" -lpthread -ldl -lm ||
	die "cannot build threadtest4"
echo
echo "SQLite's concurrency tests, gcc -O2 -finstrument-functions and the runtime (proftype=user):"
printf '%-40s %5s %12s %12s %7s %9s %7s\n' "program, environment" exit "calls rec." lost paths profiles "most"
[ "${NOMPTEST:-0}" = 1 ] || concurrency mptest mp.db "$tree/mptest/config01.test"
concurrency threadtest4 "$TT4THREADS"
