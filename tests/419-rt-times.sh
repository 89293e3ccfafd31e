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
# Under CPU contention sample mode may charge less than the CPU used
# (prof(3) BUGS): a sample run whose busy is under 100 ms runs again,
# twice at most.
for type in user kernel elapsed sample sample2 sample3; do
	case $type in
	sample[23])
		[ "$b" -lt 100 ] || break
		echo "sample: busy $b ms, want 100 to 2000: again"
		type=sample;;
	esac
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
	[ "$b" -lt 2000 ] || fail "$type: busy $b ms, want 100 to 2000"
	[ "$b" -ge 100 ] || [ $type = sample ] || fail "$type: busy $b ms, want 100 to 2000"
done
[ "$b" -ge 100 ] || fail "sample: busy $b ms in 3 runs, want 100 to 2000"
