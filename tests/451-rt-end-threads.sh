# SIGINT to a process with several threads (tests/progs/endthreads.c):
# it writes the profile of every thread and dies of SIGINT (wait status
# and output as unprofiled). Threads parked in pause once done: the
# counts are exact (main 1, die 1, tfn 4, work 4 x 1000). Threads still
# calling, with malloc and free between calls, so that the signal lands
# anywhere, inside malloc and the hooks too: 20 runs, each must end by
# SIGINT within 30 s with a profile of at least 4 x 1000 calls of work.
. "$TOP/tests/lib.sh"

RUNST=$B/tests/runst
src=$TOP/tests/progs/endthreads.c
plaincc plain "$src"
rtcc endthreads "$src"

$RUNST want.st ./plain parked 4 1000 > want.out || fail runst
$RUNST got.st ./endthreads parked 4 1000 > got.out 2> err || fail runst
[ "$(cat want.st)" = "signal 2" ] || fail "unprofiled: $(cat want.st)"
same "parked: wait status" want.st got.st
same "parked: output" want.out got.out
[ ! -s err ] || fail "parked: stderr $(cat err)"
printf 'die 1\nmain 1\ntfn 4\nwork 4000\n' > want.flat
calls endthreads "$(profile)" > got.flat
same "parked: calls" want.flat got.flat

i=0
while [ $i -lt 20 ]; do
	rm -f prof.*
	$RUNST got.st timeout -s KILL 30 ./endthreads busy 4 1000 > got.out 2> err || fail runst
	same "busy, run $i: wait status" want.st got.st
	same "busy, run $i: output" want.out got.out
	[ ! -s err ] || fail "busy, run $i: stderr $(cat err)"
	calls endthreads "$(profile)" > got.flat
	n=$(awk '$1 == "work" { print $2 }' got.flat)
	[ "${n:-0}" -ge 4000 ] || fail "busy, run $i: work $n"
	grep -q '^tfn 4$' got.flat && grep -q '^die 1$' got.flat || fail "busy, run $i: $(cat got.flat)"
	i=$((i + 1))
done
