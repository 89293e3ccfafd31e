# prof -d: recursion is detected on pcs, not symbols: a node at another pc
# of an ancestor's function is not compressed; a pc inside a function
# prints the function's name.
# Program: main 0x1000, a 0x1100, b 0x1200.
# Tree (pc: calls, ms):
#	main @0x1000 (1, 50)
#	└── a @0x1100 (1, 40)
#	    ├── a @0x1104 (2, 30)		other pc: not compressed
#	    │   └── b @0x1200 (1, 20)
#	    │       └── a @0x1104 (1, 10)	pc of its grandparent: ...
#	    │           └── b @0x1208 (1, 1)
#	    └── a @0x11f0 (1, 5)		other pc: not compressed
#	        └── b @0x1200 (1, 1)
. "$TOP/tests/lib.sh"
unset tabstop
mkelf prog main=0x1000 a=0x1100 b=0x1200
$MKCLASSIC > prof.out <<'P'
# 0 root, 1 main, 2 a, 3 a, 4 b, 5 a, 6 b, 7 a, 8 b
1 - 0 0 50
2 - 0x1000 1 50
7 - 0x1100 1 40
4 - 0x1104 2 30
5 - 0x1200 1 20
6 - 0x1104 1 10
- - 0x1208 1 1
8 3 0x11f0 1 5
- - 0x1200 1 1
P
printf '%b\n' \
	'main:50' \
	'. a:40' \
	'.\ta:30/2' \
	'.\t. b:20' \
	'.\t.\ta:10' \
	'.\t.\t. ...' \
	'.\ta:5' \
	'.\t. b:1' > want
$PROF -d prog prof.out > got || fail "prof -d exit $?"
same -d want got
