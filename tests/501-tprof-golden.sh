# tprof -f on a hand-built Plan 9 /proc/pid/profile (DESIGN 1.3).
# The program (mkelf): alpha at 0x1000, beta at 0x1040, gamma at 0x1100,
# text to 0x1110, so base = 0x1000 (page-rounded first symbol) and the
# profile has (0x2000 - 0x1000) / 8 = 512 words. Word j >= 2 counts pcs
# in [base + 8j, base + 8j + 8):
#	word 0 = 20 (total), word 1 = 4 (outside): delta = 16
#	word 3 = 3	0x1018	alpha
#	word 8 = 5	0x1040	beta
#	word 20 = 4	0x10a0	beta		beta 9
#	word 33 = 4	0x1108	gamma (its range ends with the text, 0x1110)
# Rows by ticks, decreasing: (ticks, 100*t/16, (1000*t/16) % 10)
#	beta 9: 56, 562 % 10 = 2	gamma 4: 25, 0	alpha 3: 18, 187 % 10 = 7
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/tprof-lib.sh"

mkelf prog alpha=0x1000 beta=0x1040 gamma=0x1100
words()
{
	{
		echo "20 4 1*0 3 4*0 5 11*0 4 12*0 4"
		echo "$(($1 - 34))*0"
	} | $B/tests/kpwords -b > "$2"
}
words 512 profile
printf 'total: 20\nTEXT 00001000\n    ms      %%   sym\n     9\t 56.2\tbeta\n     4\t 25.0\tgamma\n     3\t 18.7\talpha\n' > want
$TPROF -f profile prog > got 2>err || { cat err; fail "tprof -f: exit $?"; }
same "report of the hand-built profile" want got
[ ! -s err ] || { cat err; fail "tprof -f wrote to stderr"; }

# total 0: the total line only
{ echo 0 0; echo "510*0"; } | $B/tests/kpwords -b > zero
printf 'total: 0\n' > want
$TPROF -f zero prog > got 2>err || { cat err; fail "tprof -f zero: exit $?"; }
same "report of an empty profile" want got

# samples but none in a symbol (all outside): "no counts"
{ echo 5 5; echo "510*0"; } | $B/tests/kpwords -b > outside
$TPROF -f outside prog > got 2>err && fail "tprof -f outside: exit 0, want 1"
grep -q 'no counts' err || { cat err; fail "want 'no counts', got: $(cat err)"; }

# truncated, oversized, not whole words
words 511 short
errcase "truncated profile" 'tprof: short: truncated' $TPROF -f short prog
words 513 long
errcase "oversized profile" 'tprof: long: .*not its profile' $TPROF -f long prog
head -c 2047 profile > odd
errcase "profile of 2047 bytes" 'tprof: odd: ' $TPROF -f odd prog
errcase "missing profile" 'tprof: nosuch: ' $TPROF -f nosuch prog
echo text > notelf
errcase "binary not ELF" 'tprof: notelf: ' $TPROF -f profile notelf
exit 0
