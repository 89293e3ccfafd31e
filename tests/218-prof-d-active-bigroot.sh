# prof -d: "negative" means bit 31 set, however the file was written, and
# the root's raw 32-bit time is added modulo 2^32 even when the root's own
# time has bit 31 set.
# Program: main 0x1000, f 0x1100.
# Root time 3000000000. Tree (calls, stored ms -> printed):
#	main (1, -100 -> 2999999900)
#	└── f (1, 2999999000 -> 5999999000 - 2^32 = 1705031704)
. "$TOP/tests/lib.sh"
unset tabstop
mkelf prog main=0x1000 f=0x1100
$MKCLASSIC > prof.out <<'P'
1 - 0 0 3000000000
2 - 0x1000 1 -100
- - 0x1100 1 2999999000
P
printf '%b\n' \
	'main:2999999900' \
	'. f:1705031704' > want
$PROF -d prog prof.out > got || fail "prof -d exit $?"
same -d want got
