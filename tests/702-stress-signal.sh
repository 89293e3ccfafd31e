# A signal storm (tests/progs/stress-signal.c): SIGALRM at 10 kHz to each
# of two threads, the handler calling instrumented code, while one makes
# 7 million calls and the other waits outside instrumented code. Under
# proftype user, elapsed and sample (whose own SIGVTALRM ticks meanwhile):
# the output and exit status are those of the unprofiled build; the
# profile is readable; the busy thread's calls are exact; the handler's
# calls on the quiet thread, which never interrupt the runtime, equal
# the alarms that thread counted; in all, the handler's recorded calls
# are at most the alarms counted, and h and h2 are called exactly as
# often as the recorded handler (a handler interrupting a hook is not
# recorded at all, never in part).
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/stress-lib.sh"

both "$TOP/tests/progs/stress-signal.c"
run plain ./plain
for type in user elapsed sample; do
	rm -f prof.*
	proftype=$type run prog ./prog
	alike 0
	set -- $(cat prog.err)
	[ "$1 $3" = "busy quiet" ] || fail "$type: stderr $(cat prog.err)"
	busy=$2 quiet=$4
	echo "$type: alarms: busy $busy, quiet $quiet"
	[ "$quiet" -ge 100 ] || skip "only $quiet alarms on the quiet thread"
	p=$(profile)
	calls prog "$p" > got.flat
	printf 'busythr 1\nf 1000000\ng 1000000\nmain 1\nquietthr 1\nrec 5000000\n' > want.flat
	grep -v -e '^onalrm ' -e '^h ' -e '^h2 ' got.flat > got.main
	same "$type: the busy thread's calls" want.flat got.main
	a=$(awk '$1 == "onalrm" { print $2 }' got.flat)
	[ "$a" -le $((busy + quiet)) ] || fail "$type: onalrm: $a calls recorded, $((busy + quiet)) alarms"
	grep -q "^h $a\$" got.flat || fail "$type: h: want $a calls: $(grep '^h ' got.flat)"
	grep -q "^h2 $a\$" got.flat || fail "$type: h2: want $a calls: $(grep '^h2 ' got.flat)"
	q=$(tabstop=2 $PROF -dr prog "$p" 2>/dev/null | awk '{ match($0, /^(\.\t)*/); d = RLENGTH / 2
		n = substr($0, RLENGTH + 1); c = n; sub(/:.*/, "", n); sub(/^[^:]*:[0-9]*\/?/, "", c)
		name[d] = n }
		d == 1 && n == "onalrm" && name[0] == "quietthr" { print c == "" ? 1 : c }')
	[ "$q" = "$quiet" ] || fail "$type: onalrm under quietthr: ${q:-no} calls, $quiet alarms"
done
