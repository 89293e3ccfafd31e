# prof -d: direct recursion is compressed at the first repeat that has
# children: the repeat is printed, then "..." one level deeper. A later call
# from main is a new path and is printed in full.
# Program: main 0x1000, fact 0x1100, leaf 0x1200.
# Tree (calls, ms):
#	main (1, 50)
#	├── fact (1, 40)
#	│   └── fact (1, 30)		repeat of its parent: printed, then ...
#	│       └── fact (1, 20)	not printed
#	│           └── leaf (1, 1)	not printed
#	└── fact (1, 3)
#	    └── leaf (1, 1)
. "$TOP/tests/lib.sh"
unset tabstop
mkelf prog main=0x1000 fact=0x1100 leaf=0x1200
$MKCLASSIC > prof.out <<'P'
1 - 0 0 50
6 - 0x1000 1 50
3 - 0x1100 1 40
4 - 0x1100 1 30
5 - 0x1100 1 20
- - 0x1200 1 1
7 2 0x1100 1 3
- - 0x1200 1 1
P
printf '%b\n' \
	'main:50' \
	'. fact:40' \
	'.\tfact:30' \
	'.\t. ...' \
	'. fact:3' \
	'.\tleaf:1' > want
$PROF -d prog prof.out > got || fail "prof -d exit $?"
same -d want got
