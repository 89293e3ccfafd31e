# prof -F on a hand-made Plan 9 prof.out: one line per call path with its
# self time in ns (the file's ms times a million), recursion not
# compressed, paths with no self time left out, a pc no symbol covers as
# #hex, lines in call order; worked by hand from the tree below.
# Program: main 0x1000, f 0x1100, g 0x1200 (text ends 0x1210).
# Tree (calls, ms; self = time less the children's):
#	main (1, 100)			self 15
#	├── f (1, 60)			self 20
#	│   └── f (2, 40)		self 0: left out
#	│       └── g (3, 40)		self 40
#	└── g (4, 25)			self 20
#	    └── 0x500 (1, 5)		self 5; below the first symbol
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000 f=0x1100 g=0x1200
$MKCLASSIC > prof.out <<'P'
1 - 0 0 100
6 - 0x1000 1 100
3 - 0x1100 1 60
4 - 0x1100 2 40
- - 0x1200 3 40
- - 0x500 1 5
5 2 0x1200 4 25
P
cat > want <<'W'
main 15000000
main;f 20000000
main;f;f;g 40000000
main;g 20000000
main;g;#500 5000000
W
$PROF -F prog prof.out > got 2> err || { cat err; fail "prof -F: exit $?"; }
[ ! -s err ] || { cat err; fail "prof -F wrote to stderr"; }
same "prof -F" want got
# the default report is untouched by the new options
printf '%s\n' '  %     Time     Calls  Name' \
	'63.2    0.060        7	g' \
	'21.1    0.020        3	f' \
	'15.8    0.015        1	main' > want.flat
$PROF prog prof.out > got.flat || fail "prof: exit $?"
same "flat" want.flat got.flat
