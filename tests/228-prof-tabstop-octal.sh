# prof -d: tabstop=010 is read as C (strtol base 0): octal, 8.
# indent(d): width 2d; ".<TAB>" for each full tabstop, then "." padded with
# spaces to the rest of the width.
# Program: main 0x1000, a 0x1100, b 0x1200, c 0x1300, d 0x1400, e 0x1500.
# Tree (calls, ms), printed at depths 0 to 6:
#	main (1, 60)
#	└── a (1, 50)
#	    └── b (1, 40)
#	        └── c (1, 30)
#	            └── d (1, 20)
#	                ├── a (1, 10)	depth 5, then ... at depth 6
#	                │   └── e (1, 1)
#	                └── e (1, 5)	depth 5
. "$TOP/tests/lib.sh"
export tabstop=010
mkelf prog main=0x1000 a=0x1100 b=0x1200 c=0x1300 d=0x1400 e=0x1500
$MKCLASSIC > prof.out <<'P'
1 - 0 0 60
2 - 0x1000 1 60
3 - 0x1100 1 50
4 - 0x1200 1 40
5 - 0x1300 1 30
8 - 0x1400 1 20
7 - 0x1100 1 10
- - 0x1500 1 1
- 6 0x1500 1 5
P
printf '%b\n' \
	'main:60' \
	'. a:50' \
	'.   b:40' \
	'.     c:30' \
	'.\td:20' \
	'.\t. a:10' \
	'.\t.   ...' \
	'.\t. e:5' > want
$PROF -d prog prof.out > got || fail "prof -d exit $?"
same -d want got
