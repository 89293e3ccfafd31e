# A program ended by SIGHUP, SIGINT, SIGQUIT or SIGTERM with the default
# action (tests/progs/ending.c sends itself the signal) writes its
# profile and still dies of that signal: wait status (runst; core dumps
# off, and on where the kernel writes plain core files) and output equal
# the unprofiled program's, and the profile holds main 1, work 3, die 1.
# A program that catches the signal itself, or ignores it, goes on as
# unprofiled, and its profile is the one written at exit; sigaction and
# signal show the program the default where the runtime's handler is,
# and its own handler where it set one; set back to the default, the
# signal again writes the profile and ends the program. Where the
# signal is ignored when the program starts, the runtime leaves it so.
. "$TOP/tests/lib.sh"

RUNST=$B/tests/runst
src=$TOP/tests/progs/ending.c
plaincc plain "$src"
rtcc ending "$src"
printf 'die 1\nmain 1\nwork 3\n' > want.flat

# run WHAT ARGS...: profiled and not, the same status and output
run()
{
	w=$1
	shift
	rm -f prof.*
	$RUNST want.st ./plain "$@" > want.out 2> want.err || fail "$w: runst"
	$RUNST got.st ./ending "$@" > got.out 2> got.err || fail "$w: runst"
	same "$w: wait status" want.st got.st
	same "$w: output" want.out got.out
	[ ! -s got.err ] || fail "$w: stderr $(cat got.err)"
	calls ending "$(profile)" > got.flat
}

ulimit -S -c 0
for sig in 1 2 3 15; do
	run "signal $sig" dfl $sig
	[ "$(cat got.st)" = "signal $sig" ] || fail "signal $sig: $(cat got.st)"
	same "signal $sig: calls" want.flat got.flat
done

if [ "$(cat /proc/sys/kernel/core_pattern)" = core ] && (ulimit -S -c unlimited) 2> /dev/null; then
	ulimit -S -c unlimited
	# runst built with ASan would turn core dumps off for its children
	export ASAN_OPTIONS=disable_coredump=0
	run "SIGQUIT, core dumps on" dfl 3
	unset ASAN_OPTIONS
	[ "$(cat got.st)" = "signal 3 core" ] || fail "SIGQUIT, core dumps on: $(cat got.st)"
	same "SIGQUIT, core dumps on: calls" want.flat got.flat
	rm -f core core.*
	ulimit -S -c 0
else
	echo "core dumps on: not tried (core_pattern $(cat /proc/sys/kernel/core_pattern), ulimit -Hc $(ulimit -Hc))"
fi

printf 'die 1\nmain 1\nonsig 1\nwork 3\n' > want.own
printf 'die 1\nmain 1\nwork 3\n' > want.lives
run "its own handler" own 15
[ "$(sed -n 2p got.out)" = "caught 15" ] && [ "$(cat got.st)" = "exit 0" ] || fail "its own handler: $(cat got.st) $(cat got.out)"
same "its own handler: calls" want.own got.flat
run "SIG_IGN" ign 15
[ "$(cat got.st)" = "exit 0" ] || fail "SIG_IGN: $(cat got.st)"
same "SIG_IGN: calls" want.lives got.flat

run "the program's view" view 2
[ "$(sed -n 1,4p got.out | tr '\n' ' ')" = "sigaction dfl signal dfl back own now dfl " ] ||
	fail "the program's view: $(cat got.out)"
[ "$(cat got.st)" = "signal 2" ] || fail "the program's view: $(cat got.st)"
{ cat want.flat; echo 'what 4'; } | LC_ALL=C sort > want.view
same "the program's view: calls" want.view got.flat

# ignored from the start (as nohup does SIGHUP): ignored still
cat > ign.c <<'E'
#include <signal.h>
#include <unistd.h>
int
main(int argc, char *argv[])
{
	(void)argc;
	signal(SIGHUP, SIG_IGN);
	execv(argv[1], argv + 1);
	return 127;
}
E
${CC:-cc} -o ign ign.c || fail "cc ign.c"
rm -f prof.*
./ign ./plain dfl 1 > want.out; echo "exit $?" > want.st
./ign ./ending dfl 1 > got.out; echo "exit $?" > got.st
same "ignored at start: status" want.st got.st
same "ignored at start: output" want.out got.out
calls ending "$(profile)" > got.flat
same "ignored at start: calls" want.lives got.flat
