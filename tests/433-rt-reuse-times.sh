# A thread's tree goes on with the next thread (tests/progs/reuse.c): the
# second thread's CPU time is its own, not held at the first thread's.
# first uses 400 ms of CPU, second 200 ms while sleeping 10 times; under
# user and kernel, second shows 100 to 2000 ms (generous bounds: before
# the fix it showed about 0, its clock stuck at the first thread's time).
. "$TOP/tests/lib.sh"

rtcc reuse "$TOP/tests/progs/reuse.c"
for type in user kernel; do
	rm -f prof.*
	proftype=$type ./reuse > out || fail "$type: exit $?"
	[ "$(cat out)" = ok ] || fail "$type: output $(cat out)"
	p=$(profile)
	graph reuse "$p" > /dev/null
	f=$(msof first)
	s=$(msof second)
	echo "$type: first $f ms, second $s ms"
	[ "$f" -ge 200 ] && [ "$f" -lt 4000 ] || fail "$type: first $f ms, want 200 to 4000"
	[ "$s" -ge 100 ] && [ "$s" -lt 2000 ] || fail "$type: second $s ms, want 100 to 2000"
done
