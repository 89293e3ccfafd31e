# prof flat report: a symbol called from several paths sums its calls and
# self times over all of them.
# Program: main 0x1000, a 0x1100, b 0x1200, leaf 0x1300.
# Tree (calls, ms -> self):
#	main (1, 100) -> 4
#	├── a (2, 40) -> 25
#	│   └── leaf (10, 15) -> 15
#	├── b (3, 50) -> 22
#	│   ├── leaf (5, 20) -> 20
#	│   └── a (1, 8) -> 5
#	│       └── leaf (2, 3) -> 3
#	└── leaf (1, 6) -> 6
# leaf 44 ms / 18 calls, a 30 / 3, b 22 / 3, main 4 / 1; total 100.
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000 a=0x1100 b=0x1200 leaf=0x1300
$MKCLASSIC > prof.out <<'P'
# 0 root, 1 main, 2 a, 3 leaf under a, 4 b, 5 leaf under b, 6 a under b,
# 7 leaf under that a, 8 leaf under main
1 - 0 0 100
8 - 0x1000 1 100
3 - 0x1100 2 40
- - 0x1300 10 15
6 2 0x1200 3 50
- - 0x1300 5 20
7 5 0x1100 1 8
- - 0x1300 2 3
- 4 0x1300 1 6
P
printf '%b\n' \
	'  %     Time     Calls  Name' \
	'44.0    0.044       18\tleaf' \
	'30.0    0.030        3\ta' \
	'22.0    0.022        3\tb' \
	' 4.0    0.004        1\tmain' > want
$PROF prog prof.out > got || fail "prof exit $?"
same flat want got
