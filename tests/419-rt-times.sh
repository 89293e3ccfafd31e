# Times under each proftype (tests/progs/times.c), generous bounds: a
# function sleeping 200 ms shows >= 150 and < 1000 ms under elapsed, and
# < 50 ms under user, kernel and sample (no CPU used); a function using
# 200 ms of CPU shows between 100 and 2000 ms under every proftype.
. "$TOP/tests/lib.sh"

rtcc times "$TOP/tests/progs/times.c"
tree > want.d <<'E'
0 main 1
1 sleeper 1
1 busy 1
E
for type in user kernel elapsed sample; do
	rm -f prof.*
	proftype=$type ./times > out || fail "$type: exit $?"
	[ "$(cat out)" = ok ] || fail "$type: output $(cat out)"
	p=$(profile)
	graph times "$p" > got.d
	same "$type: tree" want.d got.d
	s=$(msof sleeper)
	b=$(msof busy)
	echo "$type: sleeper $s ms, busy $b ms"
	case $type in
	elapsed)
		[ "$s" -ge 150 ] && [ "$s" -lt 1000 ] || fail "$type: sleeper $s ms, want 150 to 1000";;
	*)
		[ "$s" -lt 50 ] || fail "$type: sleeper $s ms, want < 50";;
	esac
	[ "$b" -ge 100 ] && [ "$b" -lt 2000 ] || fail "$type: busy $b ms, want 100 to 2000"
done
