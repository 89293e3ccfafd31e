# prof flat report: nodes whose pc has no symbol (below the first) are
# left out entirely (neither a row nor part of the total), but their time
# is still taken out of their parent's self time. A pc at or past the end
# of the text is etext's, the table's last symbol (Plan 9's symind).
# Program: main 0x1000, f 0x1100; text ends at 0x1110.
# Tree (pc: calls, ms -> self):
#	main (1, 100) -> 100-10-20-3-4-6 = 57
#	├── #0 (1, 10) -> 5, left out
#	│   └── #0 (1, 5) -> 3, left out
#	│       └── f (1, 2) -> 2
#	├── #fff (2, 20), below the first symbol, left out
#	├── f @0x110f (1, 3) -> 3
#	├── etext @0x1110 (1, 4) -> 4, the end of the text
#	└── etext @0xdeadbeef (1, 6) -> 5
#	    └── f (1, 1) -> 1
# main 57 ms, etext 9 ms / 2 calls, f 6 ms / 3 calls; total 72: 79.17%,
# 12.50% and 8.33%.
. "$TOP/tests/lib.sh"
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
9 7 0xdeadbeef 1 6
- - 0x1100 1 1
P
printf '%b\n' \
	'  %     Time     Calls  Name' \
	'79.2    0.057        1\tmain' \
	'12.5    0.009        2\tetext' \
	' 8.3    0.006        3\tf' > want
$PROF prog prof.out > got || fail "prof exit $?"
same flat want got
