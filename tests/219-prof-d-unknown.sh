# prof -d: a pc with no symbol (pc 0, below the first symbol) prints as #
# and lowercase hex, no 0x; such pcs are compressed like any other. A pc
# at the end of the text or far past it is named after the table's last
# symbol, etext (Plan 9's name(): libmach's findsym for CTEXT).
# Program: main 0x1000, f 0x1100; text ends at 0x1110.
# Tree (pc: calls, ms):
#	main (1, 100)
#	├── #0 (1, 10)
#	│   └── #0 (1, 5)		repeat with a child: ...
#	│       └── f (1, 2)
#	├── #fff (2, 20)
#	├── f @0x110f (1, 3)		last byte of the text
#	├── etext @0x1110 (1, 4)
#	└── etext @0xdeadbeef (1, 6)
#	    └── f (1, 1)
. "$TOP/tests/lib.sh"
unset tabstop
mkelf prog main=0x1000 f=0x1100
$MKCLASSIC > prof.out <<'P'
# 0 root, 1 main, 2 #0, 3 #0, 4 f, 5 #fff, 6 f, 7 #1110, 8 #deadbeef, 9 f
1 - 0 0 100
8 - 0x1000 1 100
3 - 0 1 10
4 - 0 1 5
- - 0x1100 1 2
- 2 0xfff 2 20
- 5 0x110f 1 3
- 6 0x1110 1 4
9 7 0xDEADBEEF 1 6
- - 0x1100 1 1
P
printf '%b\n' \
	'main:100' \
	'. #0:10' \
	'.\t#0:5' \
	'.\t. ...' \
	'. #fff:20/2' \
	'. f:3' \
	'. etext:4' \
	'. etext:6' \
	'.\tf:1' > want
$PROF -d prog prof.out > got || fail "prof -d exit $?"
same -d want got
