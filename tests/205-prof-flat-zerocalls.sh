# prof flat report: only symbols with calls > 0 get a row. "never" has no
# node; "zero" has a node with count 0 (its self time still counts in the
# total); "wrap" has counts 4294967295 + 1, which is 0 in 32 bits.
# Program: main 0x1000, used 0x1100, never 0x1200, zero 0x1300, wrap 0x1400.
# Tree (calls, ms):
#	main (1, 60)			self 60-20-10-5-5 = 20
#	├── used (4, 20)
#	├── zero (0, 10)
#	├── wrap (4294967295, 5)
#	└── wrap (1, 5)
# Total 20+20+10+10 = 60; main and used tie at 33.3%, by name.
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000 used=0x1100 never=0x1200 zero=0x1300 wrap=0x1400
$MKCLASSIC > prof.out <<'P'
1 - 0 0 60
5 - 0x1000 1 60
- - 0x1100 4 20
- 2 0x1300 0 10
- 3 0x1400 4294967295 5
- 4 0x1400 1 5
P
printf '%b\n' \
	'  %     Time     Calls  Name' \
	'33.3    0.020        1\tmain' \
	'33.3    0.020        4\tused' > want
$PROF prog prof.out > got || fail "prof exit $?"
same flat want got
