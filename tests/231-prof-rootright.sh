# prof never follows the root's right link: whether it names a record
# that nothing else links to, or one past the end, it is ignored.
# Program: main 0x1000, f 0x1100.
# Tree (calls, ms):
#	main (1, 10)
#	└── f (1, 3)
# Record 3 (an f) hangs off the root's right link only.
. "$TOP/tests/lib.sh"
unset tabstop
mkelf prog main=0x1000 f=0x1100
for right in 3 500; do
	$MKCLASSIC > prof.out <<P
1 $right 0 0 10
2 - 0x1000 1 10
- - 0x1100 1 3
- - 0x1100 1 7
P
	printf '%b\n' \
		'  %     Time     Calls  Name' \
		'70.0    0.007        1\tmain' \
		'30.0    0.003        1\tf' > want
	$PROF prog prof.out > got || fail "prof (root right $right) exit $?"
	same "flat, root right $right" want got
	printf '%b\n' \
		'main:10' \
		'. f:3' > want
	$PROF -d prog prof.out > got || fail "prof -d (root right $right) exit $?"
	same "-d, root right $right" want got
done
