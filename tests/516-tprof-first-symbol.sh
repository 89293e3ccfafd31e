# tprof -f: Plan 9's tprof starts counting at word (first symbol - base)/8
# + 2 (tprof.c: words 0 and 1 are the header, but it adds 2 to the first
# symbol's word, not to 0), so when the first symbol is not page-aligned
# (Plan 9's 386 text begins at 0x1020) the bucket holding its first byte
# and the next are not counted. A bucket goes to the symbol holding its
# first byte (tprof.c: while j*8 < next symbol - base); the table's last
# symbol, etext at the end of the text, gets none (the loop ends there).
# Program (mkelf): f 0x1020, g 0x1080, h 0x1100, text to 0x1110 (etext);
# base 0x1000 (f rounded down to the page), 512 words.
# Start: (0x1020 - 0x1000)/8 + 2 = 6.
#	word 3 = 1	0x1018: below f, no symbol
#	word 4 = 5	0x1020: f's first bucket, skipped
#	word 5 = 2	0x1028: f, skipped
#	word 6 = 3	0x1030: f
#	word 15 = 1	0x1078: f			f 4
#	word 16 = 4	0x1080: g			g 4
#	word 32 = 2	0x1100: h			h 2
#	word 34 = 7	0x1110: etext's, not counted
#	outside 5; total 1+5+2+3+1+4+2+7+5 = 30; delta 25
# Rows f4 g4 h2; the sort: pivot 1 (g4) to the front: [g4 f4 h2]; i 1 (4
# is not < 4), j 2 (2 is not > 4): swap -> [g4 h2 f4]; i 2, j 1: crossed;
# pivot to 1: [h2 g4 f4]; printed f g h.
#	4 ticks: 100*4/25 = 16, 160 % 10 = 0; 2: 8, 80 % 10 = 0
# (Counting from f's first bucket, f would have 11.)
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/tprof-lib.sh"

mkelf prog f=0x1020 g=0x1080 h=0x1100
echo "30 5 0 1 5 2 3 8*0 1 4 15*0 2 0 7 477*0" | $B/tests/kpwords -b > profile
[ "$(wc -c < profile)" -eq 2048 ] || fail "profile is not 512 words"
printf '%b' 'total: 30\nTEXT 00001000\n    ms      %   sym\n' \
	'     4\t 16.0\tf\n     4\t 16.0\tg\n     2\t  8.0\th\n' > want
$TPROF -f profile prog > got 2>err || { cat err; fail "tprof -f: exit $?"; }
same "first symbol at 0x1020" want got

# Page-aligned (f at 0x1000): the start is word 2, nothing of f is lost.
# Word 2 = 6 (0x1010, f), word 16 = 4 (g): f 6 = 60.0, g 4 = 40.0 of 10.
mkelf prog2 f=0x1000 g=0x1080 h=0x1100
echo "10 0 6 13*0 4 495*0" | $B/tests/kpwords -b > profile2
printf '%b' 'total: 10\nTEXT 00001000\n    ms      %   sym\n' \
	'     6\t 60.0\tf\n     4\t 40.0\tg\n' > want
$TPROF -f profile2 prog2 > got 2>err || { cat err; fail "tprof -f: exit $?"; }
same "first symbol at 0x1000" want got
exit 0
