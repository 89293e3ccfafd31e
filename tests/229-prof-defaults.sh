# prof with no arguments reads a.out and prof.out in the current
# directory; with one argument, that program and prof.out.
# Program: main 0x1000, f 0x1100.
# Tree (calls, ms):
#	main (1, 10)		self 6
#	└── f (2, 4)		self 4
. "$TOP/tests/lib.sh"
unset tabstop
mkelf a.out main=0x1000 f=0x1100
$MKCLASSIC > prof.out <<'P'
1 - 0 0 10
2 - 0x1000 1 10
- - 0x1100 2 4
P
printf '%b\n' \
	'  %     Time     Calls  Name' \
	'60.0    0.006        1\tmain' \
	'40.0    0.004        2\tf' > want.flat
printf '%b\n' \
	'main:10' \
	'. f:4/2' > want.d
$PROF > got || fail "prof exit $?"
same "prof" want.flat got
$PROF -d > got || fail "prof -d exit $?"
same "prof -d" want.d got
$PROF -dr > got || fail "prof -dr exit $?"
same "prof -dr" want.d got
$PROF a.out > got || fail "prof a.out exit $?"
same "prof a.out" want.flat got
mv a.out prog
$PROF -d prog > got || fail "prof -d prog exit $?"
same "prof -d prog" want.d got
