# Profoff in several threads (tests/progs/offthreads.c), in sample and
# elapsed mode: profiling is off while any Profoff call runs and on again
# when the last returns (two overlapping calls used to leave it off for
# good), and a program returning from main while a thread is inside
# Profoff writes its profile (it wrote none). Exact counts by
# construction: a 1, c 1, leaf 2000, leaves 2, main 1.
. "$TOP/tests/lib.sh"

rtcc prog "$TOP/tests/progs/offthreads.c"
printf 'a 1\nc 1\nleaf 2000\nleaves 2\nmain 1\n' > want
for mode in sample elapsed; do
	rm -f prof.*
	proftype=$mode timeout 20 ./prog > out 2> err || fail "$mode: exit $? $(cat err)"
	[ "$(cat out)" = ok ] || fail "$mode: output $(cat out)"
	[ ! -s err ] || fail "$mode: stderr $(cat err)"
	p=$(profile) || fail "$mode: $p"
	calls prog "$p" > got
	same "$mode: calls" want got
done
exit 0
