# In sample mode the runtime's SIGVTALRM ticks; a program that blocks
# every signal and waits for any (tests/progs/sigwaiter.c: sigwait,
# sigwaitinfo, sigtimedwait, signalfd; a poll and sigpending too) gets
# its own signals only, with their codes and values: its output equals
# the unprofiled program's, dynamic and static (where the runtime makes
# the system calls itself). Before, it got SIGVTALRM.
. "$TOP/tests/lib.sh"

src=$TOP/tests/progs/sigwaiter.c
plaincc plain "$src"
rtcc dyn "$src"
rtcc static "$src" -static 2> cc.err || skip "cannot link a static program: $(tail -n 1 cc.err)"
for how in sigwait sigwaitinfo sigtimedwait signalfd; do
	./plain $how > want.out || fail "unprofiled $how: exit $?"
	for p in dyn static; do
		for t in sample user; do
			rm -f prof.*
			proftype=$t ./$p $how > got.out 2> err || fail "$p, $t, $how: exit $?"
			same "$p, $t, $how: output" want.out got.out
			[ ! -s err ] || fail "$p, $t, $how: stderr $(cat err)"
			calls $p "$(profile)" > /dev/null
		done
	done
done
cat want.out
