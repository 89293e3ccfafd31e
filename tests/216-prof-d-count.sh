# prof -d: "name:time" when the count is 1, else "name:time/count", for
# counts 0, 2 and the largest 32-bit count too.
# Program: main 0x1000, f 0x1100, g 0x1200, h 0x1300.
# Tree (calls, ms):
#	main (1, 10)
#	├── f (0, 1)
#	├── g (2, 2)
#	├── h (4294967295, 3)
#	└── f (1, 4)
. "$TOP/tests/lib.sh"
unset tabstop
mkelf prog main=0x1000 f=0x1100 g=0x1200 h=0x1300
$MKCLASSIC > prof.out <<'P'
1 - 0 0 10
5 - 0x1000 1 10
- - 0x1100 0 1
- 2 0x1200 2 2
- 3 0x1300 4294967295 3
- 4 0x1100 1 4
P
printf '%b\n' \
	'main:10' \
	'. f:1/0' \
	'. g:2/2' \
	'. h:3/4294967295' \
	'. f:4' > want
$PROF -d prog prof.out > got || fail "prof -d exit $?"
same -d want got
