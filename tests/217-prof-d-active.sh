# prof -d: a time negative as a signed 32-bit value gets the root's time
# added; if still negative it prints as unsigned 32-bit.
# Program: main 0x1000, f 0x1100, g 0x1200, h 0x1300.
# Root time 1000. Tree (calls, stored ms -> printed):
#	main (1, -200 -> 800)
#	├── f (1, -700 -> 300)
#	│   └── g (2, -1500 -> -500 = 4294966796)
#	└── h (1, -1 -> 999)
. "$TOP/tests/lib.sh"
unset tabstop
mkelf prog main=0x1000 f=0x1100 g=0x1200 h=0x1300
$MKCLASSIC > prof.out <<'P'
1 - 0 0 1000
4 - 0x1000 1 -200
3 - 0x1100 1 -700
- - 0x1200 2 -1500
- 2 0x1300 1 -1
P
printf '%b\n' \
	'main:800' \
	'. f:300' \
	'.\tg:4294966796/2' \
	'. h:999' > want
$PROF -d prog prof.out > got || fail "prof -d exit $?"
same -d want got
