# A call still active in another thread at exit is charged its time so
# far (tests/progs/active.c): spin has used 300 ms of CPU when main
# exits. Under every proftype spin shows 150 to 3000 ms (generous), more
# than its 1000 leaf calls, so its self time in the flat profile is not
# negative; before, it showed 0 ms and a negative self time. Sample's
# ticks are a process timer's signals, which a loaded machine may deliver
# to the main thread as it wakes: for it the bound is 30 ms, still far
# from the 0 ms of the bug.
. "$TOP/tests/lib.sh"

rtcc active "$TOP/tests/progs/active.c"
for type in user kernel elapsed sample; do
	rm -f prof.*
	proftype=$type ./active > out || fail "$type: exit $?"
	[ "$(cat out)" = ok ] || fail "$type: output $(cat out)"
	p=$(profile)
	graph active "$p" > g
	grep -q '^\.   leaf:T/1000$' g || { cat g; fail "$type: no leaf:T/1000 under spin"; }
	s=$(msof spin)
	echo "$type: spin $s ms"
	lo=150
	[ $type = sample ] && lo=30
	[ "$s" -ge $lo ] && [ "$s" -lt 3000 ] || fail "$type: spin $s ms, want $lo to 3000"
	$PROF active "$p" > flat 2>/dev/null || fail "$type: prof active"
	grep -q ' -' flat && { cat flat; fail "$type: a negative time in the flat profile"; }
done
exit 0
