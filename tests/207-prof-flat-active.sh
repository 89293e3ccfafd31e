# prof flat report: a time negative as a signed 32-bit value (a function
# still running when the file was written) gets the root's time added.
# Program: main 0x1000, f 0x1100, g 0x1200.
# Root time 1000. Tree (calls, stored ms -> ms):
#	main (1, -200 -> 800)		self 800-240-300 = 260
#	├── g (3, 240)
#	└── f (1, -700 -> 300)		still running
# Total 800: f 37.5%, main 32.5%, g 30.0%.
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000 f=0x1100 g=0x1200
$MKCLASSIC > prof.out <<'P'
1 - 0 0 1000
3 - 0x1000 1 -200
- - 0x1200 3 240
- 2 0x1100 1 -700
P
printf '%b\n' \
	'  %     Time     Calls  Name' \
	'37.5    0.300        1\tf' \
	'32.5    0.260        1\tmain' \
	'30.0    0.240        3\tg' > want
$PROF prog prof.out > got || fail "prof exit $?"
same flat want got
