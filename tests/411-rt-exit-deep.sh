# exit() from deep in the stack (tests/progs/exitdeep.c): the profile is
# written with the calls still active counted, the program's output and
# exit status are its own, and the active frames' times are charged up to
# the exit (each node's time is at least its child's).
. "$TOP/tests/lib.sh"

rtcc exitdeep "$TOP/tests/progs/exitdeep.c"
proftype=elapsed ./exitdeep > out 2> err
rc=$?
[ $rc -eq 3 ] || fail "exit $rc, want 3"
[ "$(cat out)" = bye ] || fail "output $(cat out)"
[ ! -s err ] || fail "stderr: $(cat err)"
p=$(profile)
printf 'main 1\nrec 41\n' > want.flat
calls exitdeep "$p" > got.flat
same "calls" want.flat got.flat
{
	echo "0 main 1"
	d=1
	while [ $d -le 41 ]; do echo "$d rec 1"; d=$((d + 1)); done
} | tree > want.r
graph -r exitdeep "$p" > got.r
same "prof -dr" want.r got.r
# inclusive times never grow going down the chain
sed 's/.*://' graph.out | awk 'NR > 1 && $1 > prev { print "node " NR ": " $1 " ms > its parent " prev; bad = 1 }
	{ prev = $1 } END { exit bad }' || fail "a child's time exceeds its parent's"
