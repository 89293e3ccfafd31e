# prof flat report: self times are unsigned 32-bit, so a child longer than
# its parent wraps: main's self is 5-7 = 2^32-2 ms, and the total
# (2^32-2) + 7 wraps to 5.
# Program: main 0x1000, f 0x1100.
# Tree (calls, ms):
#	main (1, 5)
#	└── f (1, 7)
# main: 100*4294967294/5 = 85899345880.0%, 4294967.294 s; f: 140.0%.
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000 f=0x1100
$MKCLASSIC > prof.out <<'P'
1 - 0 0 100
2 - 0x1000 1 5
- - 0x1100 1 7
P
printf '%b\n' \
	'  %     Time     Calls  Name' \
	'85899345880.0 4294967.294        1\tmain' \
	'140.0    0.007        1\tf' > want
$PROF prog prof.out > got || fail "prof exit $?"
same flat want got
