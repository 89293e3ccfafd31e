# tprof -f: rows of equal ticks in the order Plan 9's tprof prints them.
# tprof.c appends a row (name, sum) for each symbol with ticks, in address
# order, sorts the rows with libc's qsort comparing the ticks alone
# (sys/src/libc/port/qsort.c) and prints them from the end.
# Program (mkelf): a 0x1000, b 0x1040, c 0x1080, d 0x10c0, e 0x1100, text to
# 0x1110: base 0x1000, 512 words; word j >= 2 counts [0x1000 + 8j, +8).
#	word 2 = 4 (a)  word 8 = 4 (b)  word 16 = 2 (c)  word 24 = 4 (d)
#	word 32 = 2 (e);  total 16, outside 0: delta 16
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
. "$TOP/tests/progs/tprof-lib.sh"

mkelf prog a=0x1000 b=0x1040 c=0x1080 d=0x10c0 e=0x1100
echo "16 0 4 5*0 4 7*0 2 7*0 4 7*0 2 479*0" | $B/tests/kpwords -b > profile
[ "$(wc -c < profile)" -eq 2048 ] || fail "profile is not 512 words"
printf '%b' 'total: 16\nTEXT 00001000\n    ms      %   sym\n' \
	'     4\t 25.0\ta\n     4\t 25.0\td\n     4\t 25.0\tb\n' \
	'     2\t 12.5\tc\n     2\t 12.5\te\n' > want
$TPROF -f profile prog > got 2>err || { cat err; fail "tprof -f: exit $?"; }
same "equal ticks in Plan 9's order" want got
exit 0
