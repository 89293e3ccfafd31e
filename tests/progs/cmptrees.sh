# Sourced by tests 260, 262 and 264 (after lib.sh): the program and the
# two hand-made Plan 9 prof.out files they compare (260's comment works
# out the figures). Program: main 0x1000, a 0x1100, b 0x1200, c 0x1300.
# before.out (calls, ms):		after.out:
#	main (1, 100)  self 30		main (1, 130)  self 20
#	├── a (10, 60) self 40		├── a (20, 100) self 80
#	│   └── b (5, 20)		│   └── b (5, 20)
#	└── c (2, 10)			└── b (3, 10)
mkelf prog main=0x1000 a=0x1100 b=0x1200 c=0x1300
$MKCLASSIC > before.out <<'P'
1 - 0 0 100
3 - 0x1000 1 100
4 - 0x1100 10 60
- 2 0x1300 2 10
- - 0x1200 5 20
P
$MKCLASSIC > after.out <<'P'
1 - 0 0 130
3 - 0x1000 1 130
4 - 0x1100 20 100
- 2 0x1200 3 10
- - 0x1200 5 20
P
