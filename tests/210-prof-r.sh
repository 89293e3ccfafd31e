# prof -r: the full call graph, recursion not compressed; -r alone (as the
# manual page says), -dr and -rd all print it.
# Program: main 0x1000, f 0x1100, g 0x1200.
# Tree (calls, ms):
#	main (1, 100)
#	├── f (1, 90)
#	│   └── f (1, 80)		-d would print "..." after this one
#	│       └── f (1, 70)
#	│           └── g (2, 10)
#	└── g (1, 5)
. "$TOP/tests/lib.sh"
unset tabstop
mkelf prog main=0x1000 f=0x1100 g=0x1200
$MKCLASSIC > prof.out <<'P'
1 - 0 0 100
6 - 0x1000 1 100
3 - 0x1100 1 90
4 - 0x1100 1 80
5 - 0x1100 1 70
- - 0x1200 2 10
- 2 0x1200 1 5
P
printf '%b\n' \
	'main:100' \
	'. f:90' \
	'.\tf:80' \
	'.\t. f:70' \
	'.\t.\tg:10/2' \
	'. g:5' > want
for opt in -r -dr -rd "-d -r"; do
	$PROF $opt prog prof.out > got || fail "prof $opt exit $?"
	same "$opt" want got
done
