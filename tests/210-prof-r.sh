# prof -r: with -d, the full call graph, recursion not compressed (-dr,
# -rd, -d -r). Without -d it changes nothing: Plan 9's prof.c reads rflag
# only in graph(), which main calls only if dflag; so prof -r prints the
# flat report.
# Program: main 0x1000, f 0x1100, g 0x1200.
# Tree (calls, ms):
#	main (1, 100)		self 100-90-5 = 5
#	├── f (1, 90)		self 10
#	│   └── f (1, 80)	self 10; -d would print "..." after this one
#	│       └── f (1, 70)	self 60
#	│           └── g (2, 10)
#	└── g (1, 5)
# Flat: f 80 ms (3 calls), g 15 (3), main 5 (1) of 100: no equal times.
. "$TOP/tests/lib.sh"
unset tabstop
mkelf prog main=0x1000 f=0x1100 g=0x1200
$MKCLASSIC > prof.out <<'P'
1 - 0 0 100
6 - 0x1000 1 100
3 - 0x1100 1 90
4 - 0x1100 1 80
5 - 0x1100 1 70
- - 0x1200 2 10
- 2 0x1200 1 5
P
printf '%b\n' \
	'main:100' \
	'. f:90' \
	'.\tf:80' \
	'.\t. f:70' \
	'.\t.\tg:10/2' \
	'. g:5' > want
for opt in -dr -rd "-d -r"; do
	$PROF $opt prog prof.out > got || fail "prof $opt exit $?"
	same "$opt" want got
done
printf '%b\n' \
	'  %     Time     Calls  Name' \
	'80.0    0.080        3\tf' \
	'15.0    0.015        3\tg' \
	' 5.0    0.005        1\tmain' > want
$PROF -r prog prof.out > got || fail "prof -r exit $?"
same "-r alone: the flat report" want got
