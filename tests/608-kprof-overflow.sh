# Sums past what 1000 * ticks can hold in 64 bits (issue 16.5): Linux
# /proc/profile words are 32-bit, but a symbol's sum of them is not, and
# Plan 9's percentage 100 * t / d, (1000 * t / d) % 10 overflowed (the row
# printed "100.-4", UBSan reported it); -H's ticks * 1000 / hz wrapped.
# Worked by hand (bc): bucket size 1, _text = _stext = 0xffffffff81000000,
# big there, small at +4300000, _etext at +4300002, so 4300002 buckets
# (words 1..4300002, the last the outside count, here 0). Word j counts
# _stext + j (readprofile's rule, see 602): words 1..4299999 are big's,
# each 4294967295, 4300000 and 4300001 small's, each 4294967295.
#	big   = 4299999 * 4294967295 = 18468355073532705 (1000 * big > 2^64)
#	small = 2 * 4294967295       = 8589934590
#	total = in text = 18468363663467295
#	big: 1000 * big / total = 999 -> " 99.9"; small: 0 -> "  0.0"
# -H 2 (500 ms a tick): big 9234177536766352500, small 4294967295000,
# total 9234181831733647500 (< 2^64). -H 1: total * 1000 > 2^64: refused.
# -H takes whole numbers of Hz (16.7): -H 0.5 and -H 0 are usage errors.
. "$TOP/tests/lib.sh"
KPROF="$VG $B/kprof"
KPWORDS="$B/tests/kpwords"

cat > map <<'E'
ffffffff81000000 T _text
ffffffff81000000 T _stext
ffffffff81000000 T big
ffffffff81419ce0 T small
ffffffff81419ce2 T _etext
E
echo '1 4299999*4294967295 2*4294967295 0' | $KPWORDS -l > profile
[ "$(wc -c < profile)" -eq $((4 * 4300003)) ] || fail "profile is not 4300003 words"
printf 'total: 18468363663467295\tin kernel text: 18468363663467295\toutside kernel text: 0\nKTZERO ffffffff81000000 PGSIZE 4Kb\nms\t  %%\tsym\n18468355073532705\t 99.9\tbig\n8589934590\t  0.0\tsmall\n' > want
$KPROF map profile > got 2> err || { cat err; fail "kprof: exit $?"; }
same "sums past 2^64 / 1000" want got
printf 'total: 9234181831733647500\tin kernel text: 9234181831733647500\toutside kernel text: 0\nKTZERO ffffffff81000000 PGSIZE 4Kb\nms\t  %%\tsym\n9234177536766352500\t 99.9\tbig\n4294967295000\t  0.0\tsmall\n' > want
$KPROF -H 2 map profile > got 2> err || { cat err; fail "kprof -H 2: exit $?"; }
same "-H 2" want got
errcase "-H 1: ms past 2^64" '^kprof: 18468363663467295 ticks of 1/1 s: more ms than 64 bits hold$' $KPROF -H 1 map profile

for h in 0.5 0 1.0 -1 1e3; do
	$KPROF -H $h map profile > out 2> err
	rc=$?
	[ $rc -eq 2 ] && [ ! -s out ] && grep -q '^usage: kprof' err || fail "-H $h: exit $rc, want usage (2)"
done
exit 0
