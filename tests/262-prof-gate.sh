# prof -b -g: the regression gate on the two hand-made prof.out files of
# test 260 (see there for the trees and the figures). One line per
# function or path beyond the limits, functions first, each kind by the
# largest change of time, then of calls; exit status 1 if any, 0 if none,
# 2 for an error (as diff(1): 1 is the answer, not a failure).
#	calls		any change: functions a, b, c; paths main;a, main;b, main;c
#	calls=1.5	more than 1.5 times: a (20 > 15), b (8 > 7.5); main;a, main;b
#			(3 > 0); not c (down)
#	time=50		more than 50 % slower: a (40 -> 80); main;a (60 -> 100),
#			main;b (0 -> 10); not b (20 -> 30 is 50 %, not more), main (+30 %)
#	time=50,min=20	changes under 20 ms never count: main;b (10) goes
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/cmptrees.sh"
gate()
{
	$PROF -b before.out -g "$1" prog "$2" > got 2>err
	rc=$?
	[ $rc -eq "$3" ] || { cat err; fail "-g $1 on $2: exit $rc, want $3"; }
	[ ! -s err ] || fail "-g $1: said on stderr: $(cat err)"
}
printf '%s\n' 'calls: function a: 10 -> 20' 'calls: function b: 5 -> 8' 'calls: function c: 2 -> 0' \
	'calls: path main;a: 10 -> 20' 'calls: path main;b: 0 -> 3' 'calls: path main;c: 2 -> 0' > want
gate calls after.out 1
same "calls" want got
printf '%s\n' 'calls: function a: 10 -> 20' 'calls: function b: 5 -> 8' \
	'calls: path main;a: 10 -> 20' 'calls: path main;b: 0 -> 3' > want
gate calls=1.5 after.out 1
same "calls=1.5" want got
printf '%s\n' 'time: function a: 40.000 -> 80.000 ms' \
	'time: path main;a: 60.000 -> 100.000 ms' 'time: path main;b: 0.000 -> 10.000 ms' > want
gate time=50 after.out 1
same "time=50" want got
printf '%s\n' 'time: function a: 40.000 -> 80.000 ms' 'time: path main;a: 60.000 -> 100.000 ms' > want
gate time=50,min=20 after.out 1
same "time=50,min=20" want got
# the same profile again: nothing, status 0
gate calls,time=0 before.out 0
[ ! -s got ] || fail "a profile against itself breached: $(cat got)"
# errors: one line, status 2; a bad limit, a missing file
for spec in '' calls=0.5 time= time=-1 speed=2 calls,,time=1 'calls=2x'; do
	$PROF -b before.out -g "$spec" prog after.out > out 2>err
	rc=$?
	[ $rc -eq 2 ] && [ "$(wc -l < err)" -eq 1 ] && [ ! -s out ] || fail "-g '$spec': exit $rc, stderr $(cat err)"
done
$PROF -b nosuch.out -g calls prog after.out > out 2>err
[ $? -eq 2 ] && grep -q '^prof: nosuch.out: ' err || fail "missing baseline: $(cat err)"
# -g needs -b; -b takes no -C, -S... (usage, 2)
$PROF -g calls prog after.out > out 2>err
[ $? -eq 2 ] && grep -q '^usage: prof ' err || fail "-g without -b: $(cat err)"
exit 0
