# $profsignal names a signal that writes a snapshot of the profile while
# the program runs (tests/progs/snap.c renames the prof.<pid> it finds to
# snap.<pid>): the snapshot holds the calls made before the signal, and
# the program goes on, its profile at exit holding them all, as worked
# out in snap.c. The program sends itself the signal (in each proftype),
# or the test sends it while the program waits (by name, SIGUSR2, and by
# number). A program with its own handler for the signal keeps it and no
# snapshot is made; a $profsignal that cannot be used (nor one whose
# default action is to be ignored or to stop: CHLD, WINCH, URG, CONT,
# TSTP, TTIN, TTOU) is said in one line and changes nothing else.
. "$TOP/tests/lib.sh"

rtcc snap "$TOP/tests/progs/snap.c"
usr2=$(kill -l USR2 2> /dev/null || echo 12)

# check WHAT PID: snap.PID and prof.PID hold want.snap and want.exit
check()
{
	[ -f snap.$2 ] || fail "$1: no snapshot; have $(ls)"
	calls snap snap.$2 > got.flat
	same "$1: the snapshot's calls" want.snap got.flat
	calls snap prof.$2 > got.flat
	same "$1: the calls at exit" want.exit got.flat
}

printf 'ask 1\nmain 1\nwork 300\n' > want.snap
printf 'ask 1\nmain 1\nwork 500\n' > want.exit
for t in user kernel elapsed sample; do
	rm -f prof.* snap.*
	proftype=$t profsignal=USR2 ./snap self 300 200 > out 2> err || fail "$t: exit $?"
	[ "$(cat out)" = done ] || fail "$t: output $(cat out)"
	[ ! -s err ] || fail "$t: stderr $(cat err)"
	check "$t" "$(ls prof.* | sed 's/prof\.//')"
done

printf 'main 1\nwork 1000\n' > want.snap
printf 'main 1\nwork 1500\n' > want.exit
for s in SIGUSR2 $usr2; do
	rm -f prof.* snap.* out
	profsignal=$s ./snap wait 1000 500 > out 2> err &
	pid=$!
	i=0
	while [ "$(cat out 2> /dev/null)" != ready ] && [ $i -lt 1000 ]; do
		sleep 0.01
		i=$((i + 1))
	done
	[ "$(cat out)" = ready ] || { kill $pid; fail "profsignal=$s: not ready: $(cat out)"; }
	kill -USR2 $pid
	wait $pid || fail "profsignal=$s: exit $?"
	[ "$(sed 1d out)" = done ] || fail "profsignal=$s: output $(cat out)"
	[ ! -s err ] || fail "profsignal=$s: stderr $(cat err)"
	check "profsignal=$s" $pid
done

rm -f prof.* snap.*
profsignal=USR2 ./snap own 10 10 > out 2> err || fail "own handler: exit $?"
[ "$(cat out | tr '\n' ' ')" = "caught done " ] || fail "own handler: output $(cat out)"
[ ! -s err ] || fail "own handler: stderr $(cat err)"
ls snap.* > /dev/null 2>&1 && fail "own handler: a snapshot was written"
printf 'ask 1\ncaught 1\nmain 1\nwork 20\n' > want.exit
calls snap "$(profile)" > got.flat
same "own handler: calls at exit" want.exit got.flat

for bad in KILL 0 99 NOSUCH; do
	rm -f prof.*
	profsignal=$bad ./snap own 10 10 > out 2> err || fail "profsignal=$bad: exit $?"
	[ "$(cat out | tr '\n' ' ')" = "caught done " ] || fail "profsignal=$bad: output $(cat out)"
	[ "$(cat err)" = "prof: \$profsignal $bad: not a signal the runtime can take; no snapshots" ] ||
		fail "profsignal=$bad: stderr $(cat err)"
done

# ignored or stopping by default: a snapshot would change what they do
for bad in CHLD SIGWINCH URG CONT TSTP TTIN TTOU; do
	rm -f prof.*
	profsignal=$bad ./snap own 10 10 > out 2> err || fail "profsignal=$bad: exit $?"
	[ "$(cat out | tr '\n' ' ')" = "caught done " ] || fail "profsignal=$bad: output $(cat out)"
	[ "$(cat err)" = "prof: \$profsignal $bad: ignored or stopping by default, not ending; no snapshots" ] ||
		fail "profsignal=$bad: stderr $(cat err)"
done
