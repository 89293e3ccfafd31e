# A signal that comes on a small stack (tests/progs/smallstack.c: a
# coroutine's of 8 KB, a thread's of PTHREAD_STACK_MIN) still writes the
# profile: the writer runs on a stack of its own, not on a copy of the
# small one, where it overflowed. SIGTERM: the wait status and output are
# the unprofiled program's (runst), nothing on stderr, and the profile
# holds the calls made before the signal, by construction. $profsignal
# (USR2): the program goes on and exits 0; the snapshot holds the calls
# before the signal, the profile at exit them all.
. "$TOP/tests/lib.sh"

RUNST=$B/tests/runst
src=$TOP/tests/progs/smallstack.c
plaincc plain "$src"
rtcc small "$src"

for where in co thread; do
	case $where in co) start=co;; thread) start=tfn;; esac
	printf 'main 1\nraiseit 1\nrun 1\n%s 1\nwork 300\n' $start | LC_ALL=C sort > want.flat
	rm -f prof.* snap.*
	$RUNST want.st ./plain $where term > want.out || fail "$where: runst"
	[ "$(cat want.st)" = "signal 15" ] || fail "$where, unprofiled: $(cat want.st)"
	$RUNST got.st ./small $where term > got.out 2> err || fail "$where: runst"
	same "$where, SIGTERM: wait status" want.st got.st
	same "$where, SIGTERM: output" want.out got.out
	[ ! -s err ] || fail "$where, SIGTERM: stderr $(cat err)"
	calls small "$(profile)" > got.flat
	same "$where, SIGTERM: calls" want.flat got.flat

	rm -f prof.* snap.*
	profsignal=USR2 ./small $where snap > got.out 2> err || fail "$where, snapshot: exit $?"
	[ "$(cat got.out)" = done ] || fail "$where, snapshot: output $(cat got.out)"
	[ ! -s err ] || fail "$where, snapshot: stderr $(cat err)"
	pid=$(ls prof.* | sed 's/prof\.//')
	[ -f snap.$pid ] || fail "$where, snapshot: none; have $(ls)"
	calls small snap.$pid > got.flat
	same "$where, snapshot: its calls" want.flat got.flat
	sed 's/^work 300$/work 500/' want.flat > want.exit
	calls small prof.$pid > got.flat
	same "$where, snapshot: the calls at exit" want.exit got.flat
done
