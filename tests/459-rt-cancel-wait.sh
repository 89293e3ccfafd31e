# sigwait, sigwaitinfo and sigtimedwait stay cancellation points, as
# glibc's are, also in a static program, where the runtime's wrappers
# make the system call themselves (tests/progs/cancelwait.c: a thread
# waiting in one is cancelled and joined). The output and exit status
# are the unprofiled program's ("cancelled 1"), dynamic and static, in
# every proftype, and the profile is written. Before, the static
# program's thread never ended (killed by timeout after 10 s).
. "$TOP/tests/lib.sh"

src=$TOP/tests/progs/cancelwait.c
plaincc plain "$src"
plaincc plainstatic "$src" -static 2> cc.err || skip "cannot link a static program: $(tail -n 1 cc.err)"
rtcc dyn "$src"
rtcc static "$src" -static 2> cc.err || skip "cannot link a static program: $(tail -n 1 cc.err)"
for how in sigwait sigwaitinfo sigtimedwait; do
	timeout 10 ./plain $how > want.out || fail "unprofiled $how: exit $?"
	[ "$(cat want.out)" = "cancelled 1" ] || fail "unprofiled $how: $(cat want.out)"
	timeout 10 ./plainstatic $how > got.out || fail "unprofiled static $how: exit $?"
	same "unprofiled static $how: output" want.out got.out
	for p in dyn static; do
		for t in user sample; do
			rm -f prof.*
			proftype=$t timeout 10 ./$p $how > got.out 2> err || fail "$p, $t, $how: exit $?"
			same "$p, $t, $how: output" want.out got.out
			[ ! -s err ] || fail "$p, $t, $how: stderr $(cat err)"
			calls $p "$(profile)" > /dev/null
		done
	done
done
