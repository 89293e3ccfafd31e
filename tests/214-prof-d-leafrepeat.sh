# prof -d: a repeat of an ancestor's pc that has no children is printed
# like any node, with no "...".
# Program: main 0x1000, f 0x1100, g 0x1200.
# Tree (calls, ms):
#	main (1, 30)
#	├── f (1, 20)
#	│   ├── f (3, 5)		leaf repeat of its parent
#	│   └── g (1, 4)
#	│       ├── f (1, 1)		leaf repeat, two levels up
#	│       └── main (1, 1)		leaf repeat of main
#	└── main (1, 2)			leaf repeat of main
. "$TOP/tests/lib.sh"
unset tabstop
mkelf prog main=0x1000 f=0x1100 g=0x1200
$MKCLASSIC > prof.out <<'P'
# 0 root, 1 main, 2 f, 3 f, 4 g, 5 f, 6 main, 7 main
1 - 0 0 30
7 - 0x1000 1 30
4 - 0x1100 1 20
- - 0x1100 3 5
6 3 0x1200 1 4
- - 0x1100 1 1
- 5 0x1000 1 1
- 2 0x1000 1 2
P
printf '%b\n' \
	'main:30' \
	'. f:20' \
	'.\tf:5/3' \
	'.\tg:4' \
	'.\t. f:1' \
	'.\t. main:1' \
	'. main:2' > want
$PROF -d prog prof.out > got || fail "prof -d exit $?"
same -d want got
