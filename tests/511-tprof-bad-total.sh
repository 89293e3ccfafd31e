# tprof -f refuses a saved profile whose buckets and outside count hold
# more ticks than its total (issue 16.5: it printed 10000.0%), as kprof
# refuses such kpdata, in one line naming the file. A profile saved by
# tprof -o, its total (word 0, big-endian) made 1; and its outside count
# (word 1) made 2^32 - 1 with the true total: more than the total too.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/tprof-lib.sh"

burncc burn
$TPROF -o saved -c ./burn -s 0.2 > rep 2>err || { cat err; fail "tprof -o saved: exit $?"; }
[ "$(total rep)" -gt 1 ] || fail "total $(total rep): want more than 1"
cp saved one
printf '\0\0\0\1' | dd of=one bs=1 conv=notrunc 2> /dev/null
errcase "total 1" '^tprof: one: its buckets and outside count hold more ticks \([0-9]+\) than its total \(1\)$' \
	$TPROF -f one burn
cp saved out
printf '\377\377\377\377' | dd of=out bs=1 seek=4 conv=notrunc 2> /dev/null
errcase "outside 2^32 - 1" "^tprof: out: its buckets and outside count hold more ticks \\([0-9]+\\) than its total \\($(total rep)\\)\$" \
	$TPROF -f out burn
$TPROF -f saved burn > /dev/null || fail "the saved profile itself: exit $?"
exit 0
