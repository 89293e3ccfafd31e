# prof flat report: a pc belongs to the symbol at or below it, up to the
# next symbol or the end of the text; pcs inside a function sum into it;
# a pc at or past the end belongs to the table's last symbol, etext (Plan
# 9's symind: the last symbol at or below the pc, with no end).
# Program: main 0x1000, f 0x1100, g 0x1200; text ends at 0x1210.
# Tree (pc: calls, ms):
#	main @0x1001 (1, 100)		self 100-87 = 13
#	├── f @0x1100 (1, 10)
#	├── f @0x1104 (2, 20)
#	├── f @0x11ff (1, 5)		last byte of f
#	├── g @0x1200 (1, 30)
#	├── g @0x120f (3, 15)		last byte of the text
#	└── etext @0x1210 (1, 7)	the end of the text
# f: 35 ms, 4 calls; g: 45 ms, 4 calls; etext 7 ms, 1 call; total
# 13+35+45+7 = 100. No equal times: by decreasing time.
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000 f=0x1100 g=0x1200
$MKCLASSIC > prof.out <<'P'
1 - 0 0 100
7 - 0x1001 1 100
- - 0x1100 1 10
- 2 0x1104 2 20
- 3 0x11ff 1 5
- 4 0x1200 1 30
- 5 0x120f 3 15
- 6 0x1210 1 7
P
printf '%b\n' \
	'  %     Time     Calls  Name' \
	'45.0    0.045        4\tg' \
	'35.0    0.035        4\tf' \
	'13.0    0.013        1\tmain' \
	' 7.0    0.007        1\tetext' > want
$PROF prog prof.out > got || fail "prof exit $?"
same flat want got
