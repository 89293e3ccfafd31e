# prof -d: a repeat several levels down is compressed, against any
# ancestor (not only the parent); a pc seen in another branch is not an
# ancestor; after a compressed node its siblings go on.
# Program: main 0x1000, a 0x1100, b 0x1200, c 0x1300, d 0x1400, e 0x1500,
# x 0x1600.
# Tree (calls, ms):
#	main (1, 100)
#	├── a (1, 90)
#	│   └── b (1, 80)
#	│       └── c (1, 70)
#	│           └── d (1, 60)
#	│               ├── a (1, 50)		ancestor 4 levels up: ...
#	│               │   └── x (1, 1)
#	│               ├── b (1, 5)		ancestor 3 levels up: ...
#	│               │   └── x (1, 1)
#	│               └── e (1, 4)
#	│                   └── c (1, 3)	ancestor 3 levels up: ...
#	│                       └── x (1, 1)
#	└── d (1, 8)				d of the other branch: not an ancestor
#	    ├── a (1, 7)			nor is a
#	    │   └── b (1, 1)
#	    └── main (1, 2)			main is: ...
#	        └── x (1, 1)
. "$TOP/tests/lib.sh"
unset tabstop
mkelf prog main=0x1000 a=0x1100 b=0x1200 c=0x1300 d=0x1400 e=0x1500 x=0x1600
$MKCLASSIC > prof.out <<'P'
# 0 root, 1 main, 2 a, 3 b, 4 c, 5 d, 6 a, 7 x, 8 b, 9 x, 10 e, 11 c, 12 x,
# 13 d, 14 a, 15 b, 16 main, 17 x
1 - 0 0 100
13 - 0x1000 1 100
3 - 0x1100 1 90
4 - 0x1200 1 80
5 - 0x1300 1 70
10 - 0x1400 1 60
7 - 0x1100 1 50
- - 0x1600 1 1
9 6 0x1200 1 5
- - 0x1600 1 1
11 8 0x1500 1 4
12 - 0x1300 1 3
- - 0x1600 1 1
16 2 0x1400 1 8
15 - 0x1100 1 7
- - 0x1200 1 1
17 14 0x1000 1 2
- - 0x1600 1 1
P
printf '%b\n' \
	'main:100' \
	'. a:90' \
	'.\tb:80' \
	'.\t. c:70' \
	'.\t.\td:60' \
	'.\t.\t. a:50' \
	'.\t.\t.\t...' \
	'.\t.\t. b:5' \
	'.\t.\t.\t...' \
	'.\t.\t. e:4' \
	'.\t.\t.\tc:3' \
	'.\t.\t.\t. ...' \
	'. d:8' \
	'.\ta:7' \
	'.\t. b:1' \
	'.\tmain:2' \
	'.\t. ...' > want
$PROF -d prog prof.out > got || fail "prof -d exit $?"
same -d want got
