# The runtime's own floating point (calibrating the clock at start,
# converting times in the hooks, writing the profile) leaves the
# program's floating-point flags as they were (tests/progs/fenv.c, which
# does none itself): the inexact flag is clear at main's start, after
# 100000 calls, in a thread and after exit (the profile written), as
# unprofiled, in every proftype; the profile counts f 100002. Before, it
# was raised at main in every proftype, and after the calls in user mode.
. "$TOP/tests/lib.sh"

src=$TOP/tests/progs/fenv.c
plaincc plain "$src" -lm
rtcc fenv "$src" -lm
./plain > want.out || fail "unprofiled: exit $?"
[ "$(grep -c 'inexact 0' want.out)" -eq 4 ] || fail "unprofiled: $(cat want.out)"
for t in user kernel elapsed sample; do
	rm -f prof.*
	proftype=$t ./fenv > got.out 2> err || fail "$t: exit $?"
	same "$t: output" want.out got.out
	[ ! -s err ] || fail "$t: stderr $(cat err)"
	calls fenv "$(profile)" | grep '^f ' > got.flat
	[ "$(cat got.flat)" = "f 100002" ] || fail "$t: calls $(cat got.flat)"
done
