# prof flat report: header, "%4.1f %8.3f %8lu\t%s" columns, rows by
# decreasing self time, a symbol called but with no self time still listed.
# Program: main 0x1000, f 0x1100, g 0x1200, h 0x1300.
# Tree (calls, ms):
#	main (1, 3000)		self 3000-1000-1999-0 = 1
#	├── f (3, 1000)		self 1000
#	├── g (1, 1999)		self 1999
#	└── h (7, 0)		self 0
# Total 3000: g 66.63%, f 33.33%, main 0.03%, h 0%.
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000 f=0x1100 g=0x1200 h=0x1300
$MKCLASSIC > prof.out <<'P'
# down right pc count time
1 - 0 0 3000
4 - 0x1000 1 3000
- - 0x1100 3 1000
- 2 0x1200 1 1999
- 3 0x1300 7 0
P
printf '%b\n' \
	'  %     Time     Calls  Name' \
	'66.6    1.999        1\tg' \
	'33.3    1.000        3\tf' \
	' 0.0    0.001        1\tmain' \
	' 0.0    0.000        7\th' > want
$PROF prog prof.out > got || fail "prof exit $?"
same flat want got
