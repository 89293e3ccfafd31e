# prof flat report: equal self times are ordered by name, byte order
# (strcmp: "Zed" before "alpha"), whatever the address order.
# Program: zeta 0x1000, Zed 0x1080, alpha 0x1100, mid 0x1200, beta 0x1300,
# omega 0x1400.
# Tree (calls, ms), children in call order:
#	zeta (1, 50)		self 50-10-10-10-5-10 = 5
#	├── alpha (2, 10)
#	├── mid (1, 10)
#	├── beta (5, 10)
#	├── omega (1, 5)
#	└── Zed (3, 10)
# Total 50: 10 ms = 20.0%, 5 ms = 10.0%.
. "$TOP/tests/lib.sh"
mkelf prog zeta=0x1000 Zed=0x1080 alpha=0x1100 mid=0x1200 beta=0x1300 omega=0x1400
$MKCLASSIC > prof.out <<'P'
1 - 0 0 50
6 - 0x1000 1 50
- - 0x1100 2 10
- 2 0x1200 1 10
- 3 0x1300 5 10
- 4 0x1400 1 5
- 5 0x1080 3 10
P
printf '%b\n' \
	'  %     Time     Calls  Name' \
	'20.0    0.010        3\tZed' \
	'20.0    0.010        2\talpha' \
	'20.0    0.010        5\tbeta' \
	'20.0    0.010        1\tmid' \
	'10.0    0.005        1\tomega' \
	'10.0    0.005        1\tzeta' > want
$PROF prog prof.out > got || fail "prof exit $?"
same flat want got
