# kprof: rows of equal ticks in the order Plan 9's kprof prints them: the
# rows (name, sum) appended in address order for the symbols with ticks,
# sorted with libc's qsort on the ticks alone (sys/src/libc/port/qsort.c),
# printed from the end. Linux /proc/profile (no Plan 9 original) is given
# the same order.
# Kernel: a at _text = KTZERO, b +0x40, c +0x80, d +0xc0, e +0x100, _etext
# +0x140.
# Plan 9 kpdata: 0x140/8 = 40 words; word j >= 2 counts [KTZERO + 8j, +8):
#	word 2 = 4 (a)  word 8 = 4 (b)  word 16 = 2 (c)  word 24 = 4 (d)
#	word 32 = 2 (e);  total 19, outside 3: in kernel text 16
#	4 ticks: 100*4/16 = 25, (1000*4/16) % 10 = 0; 2 ticks: 12, 125 % 10 = 5
# The sort, by hand (n <= 10: pivot element n/2, swapped to the front; i
# scans up past elements < pivot, j down past elements > pivot, stopping
# ones swapped while j >= i; then the pivot swapped with element j):
#	[a4 b4 c2 d4 e2]: pivot 2 (c2) to the front: [c2 b4 a4 d4 e2]
#	i 1 (b4), j 4 (e2): swap -> [c2 e2 a4 d4 b4]
#	i 2 (a4), j passes b4 d4 a4, stops at 1 (e2): crossed; pivot to 1:
#	[e2 | c2 | a4 d4 b4]
#	right: pivot 1 (d4) to the front: [d4 a4 b4]; i 1, j 2: swap ->
#	[d4 b4 a4]; i 2, j 1: crossed; pivot to 1: [b4 d4 a4]
#	sorted [e2 c2 b4 d4 a4], printed from the end: a d b c e
#	(by name: a b d, c e)
. "$TOP/tests/lib.sh"
KPROF="$VG $B/kprof"
KPWORDS="$B/tests/kpwords"

cat > System.map <<'E'
ffffffff81000000 T _stext
ffffffff81000000 T _text
ffffffff81000000 T a
ffffffff81000040 T b
ffffffff81000080 T c
ffffffff810000c0 T d
ffffffff81000100 T e
ffffffff81000140 T _etext
E
echo '19 3 4 5*0 4 7*0 2 7*0 4 7*0 2 7*0' | $KPWORDS -b > kpdata
[ "$(wc -c < kpdata)" -eq 160 ] || fail "kpdata is not 40 words"
printf '%b' 'total: 19\tin kernel text: 16\toutside kernel text: 3\n' \
	'KTZERO ffffffff81000000 PGSIZE 4Kb\nms\t  %\tsym\n' \
	'4\t 25.0\ta\n4\t 25.0\td\n4\t 25.0\tb\n2\t 12.5\tc\n2\t 12.5\te\n' > want
$KPROF System.map kpdata > got || fail "kprof exit status $?"
same "plan 9 kpdata: equal ticks in Plan 9's order" want got

# /proc/profile, bucket size 16: 0x140/16 = 20 buckets, words 1..20 after
# the size; readprofile credits word j to the symbol holding _stext +
# (j+1)*16 - 1, so a symbol at offset o gets words o/16 .. o/16+3 (a: 1..3);
# the last word is the outside count:
#	word 1 = 4 (a)  word 4 = 4 (b)  word 8 = 2 (c)  word 12 = 4 (d)
#	word 16 = 2 (e)  word 20 = 3 (outside); total 19
# The same rows in the same address order: printed a d b c e.
echo '16 4 2*0 4 3*0 2 3*0 4 3*0 2 3*0 3' | $KPWORDS -l > profile
$KPROF -l System.map profile > got || fail "kprof /proc/profile exit status $?"
same "/proc/profile: equal ticks in Plan 9's order" want got
exit 0
