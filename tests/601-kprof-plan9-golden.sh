# kprof on hand-built Plan 9 kpdata and a System.map, the report worked out
# by hand from DESIGN 1.3 (Plan 9's kprof: totals line, base warning, KTZERO
# line, header, rows "%ld\t%3lld.%lld\t%s" by decreasing ticks).
. "$TOP/tests/lib.sh"
KPROF="$VG $B/kprof"
KPWORDS="$B/tests/kpwords"

# Text 0x100 bytes from _text = KTZERO: 32 words of 8-byte buckets, word j
# counting [KTZERO + 8j, KTZERO + 8j + 8). At ...000 three names: startup
# wins (fewest underscores). Data and absolute symbols are not text.
cat > System.map <<'E'
0000000000000000 A __per_cpu_start
ffffffff81000000 T _stext
ffffffff81000000 T _text
ffffffff81000000 T startup
ffffffff81000040 T alpha
ffffffff81000080 t beta
ffffffff810000c0 W gamma
ffffffff81000100 T _etext
ffffffff81200000 D jiffies
E
# word 0 total 100, word 1 outside 10; the rest buckets:
#	startup [0x00,0x40) = words 2..7:	w2 = 5, w7 = 3		-> 8
#	alpha   [0x40,0x80) = words 8..15:	w8 = 20, w15 = 10	-> 30
#	beta    [0x80,0xc0) = words 16..23:	w16 = 40		-> 40
#	gamma   [0xc0,0x100) = words 24..31:	w31 = 7			-> 7
# in kernel text = 100 - 10 = 90; percent = 100*t/90 and (1000*t/90)%10:
#	beta 40: 44, 444 -> 44.4;  alpha 30: 33, 333 -> 33.3
#	startup 8: 8, 88 -> 8.8;    gamma 7: 7, 77 -> 7.7
echo '100 10 5 4*0 3 20 6*0 10 40 14*0 7' | $KPWORDS -b > kpdata
[ "$(wc -c < kpdata)" -eq 128 ] || fail "kpdata is not 32 words"
printf 'total: 100\tin kernel text: 90\toutside kernel text: 10\nKTZERO ffffffff81000000 PGSIZE 4Kb\nms\t  %%\tsym\n40\t 44.4\tbeta\n30\t 33.3\talpha\n8\t  8.8\tstartup\n7\t  7.7\tgamma\n' > want
$KPROF System.map kpdata > got || fail "kprof exit status $?"
same "plan 9 kpdata" want got
$KPROF -9 System.map kpdata > got || fail "kprof -9 exit status $?"
same "plan 9 kpdata, -9" want got

# -H 250: every tick is 4 ms; the percentages stay those of the ticks.
printf 'total: 400\tin kernel text: 360\toutside kernel text: 40\nKTZERO ffffffff81000000 PGSIZE 4Kb\nms\t  %%\tsym\n160\t 44.4\tbeta\n120\t 33.3\talpha\n32\t  8.8\tstartup\n28\t  7.7\tgamma\n' > want
$KPROF -H 250 System.map kpdata > got || fail "kprof -H exit status $?"
same "-H 250" want got

# Equal ticks: alpha and beta 10 each, of 20 in text. Plan 9 sorts the
# rows [alpha10 beta10] (address order) with its qsort: pivot 1 (beta) to
# the front, [beta10 alpha10]; i 1, j 1 (equal: neither scan passes it):
# swap 1,1; i 2, j 0: crossed, the pivot stays; printed from the end:
# alpha, beta.
echo '20 0 6*0 10 7*0 10 15*0' | $KPWORDS -b > tie
printf 'total: 20\tin kernel text: 20\toutside kernel text: 0\nKTZERO ffffffff81000000 PGSIZE 4Kb\nms\t  %%\tsym\n10\t 50.0\talpha\n10\t 50.0\tbeta\n' > want
$KPROF System.map tie > got || fail "kprof ties: exit status $?"
same "equal ticks" want got

# KTZERO (_text, here an absolute symbol, so not a text symbol itself) ...000
# but the first text symbol at ...1000: Plan 9's warning
# "kbase KTZERO != tbase first-symbol-rounded-to-4K". Text 0x1100 bytes = 544
# words; word 0x1000/8 = 512 holds first's 10 ticks of 10: 100.0 percent.
cat > warn.map <<'E'
ffffffff81000000 A _text
ffffffff81001000 T first
ffffffff81001100 T _etext
E
echo '10 0 510*0 10 31*0' | $KPWORDS -b > warn.kp
printf 'total: 10\tin kernel text: 10\toutside kernel text: 0\nwarning: kbase ffffffff81000000 != tbase ffffffff81001000\nKTZERO ffffffff81000000 PGSIZE 4Kb\nms\t  %%\tsym\n10\t100.0\tfirst\n' > want
$KPROF warn.map warn.kp > got || fail "kprof warn: exit status $?"
same "base warning" want got

# Total 0: the totals line only (Plan 9 stops there), exit 0.
echo '32*0' | $KPWORDS -b > zero
printf 'total: 0\tin kernel text: 0\toutside kernel text: 0\n' > want
$KPROF System.map zero > got || fail "kprof zero: exit status $?"
same "total 0" want got

# Every tick outside the text: Plan 9 prints up to KTZERO, then "no counts".
echo '5 5 30*0' | $KPWORDS -b > outside
printf 'total: 5\tin kernel text: 0\toutside kernel text: 5\nKTZERO ffffffff81000000 PGSIZE 4Kb\n' > want
$KPROF System.map outside > got 2> err && fail "no counts: exit status 0"
same "no counts stdout" want got
[ "$(cat err)" = "kprof: no counts" ] || fail "no counts: stderr '$(cat err)'"
exit 0
