# prof flat report: numbers wider than their printf fields are printed
# whole (100.0%, 123456.789 s, 4294967295 calls, the largest 32-bit count).
# Program: main 0x1000, f 0x1010.
# Tree (calls, ms):
#	main (4294967295, 123456789)	self 123456789
#	└── f (1, 0)			self 0
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000 f=0x1010
$MKCLASSIC > prof.out <<'P'
1 - 0 0 123456789
2 - 0x1000 4294967295 123456789
- - 0x1010 1 0
P
printf '%b\n' \
	'  %     Time     Calls  Name' \
	'100.0 123456.789 4294967295\tmain' \
	' 0.0    0.000        1\tf' > want
$PROF prog prof.out > got || fail "prof exit $?"
same flat want got
