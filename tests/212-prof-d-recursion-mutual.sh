# prof -d: mutual recursion a -> b -> a is compressed at the second a; the
# siblings that follow the compressed node are still printed.
# Program: main 0x1000, a 0x1100, b 0x1200, c 0x1300.
# Tree (calls, ms):
#	main (1, 100)
#	└── a (1, 90)
#	    ├── b (2, 80)
#	    │   ├── a (2, 70)		repeat of a: printed, then ...
#	    │   │   └── b (4, 60)	not printed
#	    │   │       └── c (1, 1)	not printed
#	    │   └── c (1, 5)
#	    └── c (1, 2)
. "$TOP/tests/lib.sh"
unset tabstop
mkelf prog main=0x1000 a=0x1100 b=0x1200 c=0x1300
$MKCLASSIC > prof.out <<'P'
# 0 root, 1 main, 2 a, 3 b, 4 a, 5 b, 6 c, 7 c under b, 8 c under a
1 - 0 0 100
2 - 0x1000 1 100
8 - 0x1100 1 90
7 - 0x1200 2 80
5 - 0x1100 2 70
6 - 0x1200 4 60
- - 0x1300 1 1
- 4 0x1300 1 5
- 3 0x1300 1 2
P
printf '%b\n' \
	'main:100' \
	'. a:90' \
	'.\tb:80/2' \
	'.\t. a:70/2' \
	'.\t.\t...' \
	'.\t. c:5' \
	'.\tc:2' > want
$PROF -d prog prof.out > got || fail "prof -d exit $?"
same -d want got
