# prof -P on a hand-made Plan 9 prof.out (the tree of test 250), read
# back by go tool pprof: a sample per call path, values [calls, self
# time in ns], so -top is the flat report per function (with the pc below
# every symbol as #500, which -F also shows) and cum the inclusive time;
# -traces the paths -F prints; -raw both values of every path. Worked by
# hand from the tree below (ms times a million: ns).
# Program: main 0x1000, f 0x1100, g 0x1200 (text ends 0x1210).
#	main (1, 100)			self 15
#	├── f (1, 60)			self 20
#	│   └── f (2, 40)		self 0
#	│       └── g (3, 40)		self 40
#	└── g (4, 25)			self 20
#	    └── 0x500 (1, 5)		self 5
# Per function: calls main 1, f 1+2 = 3, g 3+4 = 7, #500 1; self main
# 15, f 20+0, g 40+20 = 60, #500 5; cum (each path counted once, as
# pprof counts a function recurring in a stack) main 100, f 60, g 40+25,
# #500 5; cum of calls: the calls of the paths through the function.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/pprof-lib.sh"
needpprof
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
$PROF -P prog prof.out > prof.pb 2> err || { cat err; fail "prof -P: exit $?"; }
[ ! -s err ] || { cat err; fail "prof -P wrote to stderr"; }

pptop prof.pb -unit=ns > got
printf '%s\n' '#500 5000000 5000000' 'f 20000000 60000000' 'g 60000000 65000000' \
	'main 15000000 100000000' > want
same "pprof -top (time)" want got
pptop prof.pb -sample_index=calls > got
printf '%s\n' '#500 1 1' 'f 3 6' 'g 7 8' 'main 1 12' > want
same "pprof -top (calls)" want got

# the paths of -F (test 250), each with its self time
pptraces prof.pb -unit=ns | LC_ALL=C sort > got
printf '%s\n' 'main 15000000' 'main;f 20000000' 'main;f;f;g 40000000' 'main;g 20000000' \
	'main;g;#500 5000000' | LC_ALL=C sort > want
same "pprof -traces" want got
$PROF -F prog prof.out | LC_ALL=C sort > folded
same "prof -F" want folded

# every path, also f;f with calls and no self time
ppraw prof.pb | LC_ALL=C sort > got
printf '%s\n' 'main 1 15000000' 'main;f 1 20000000' 'main;f;f 2 0' 'main;f;f;g 3 40000000' \
	'main;g 4 20000000' 'main;g;#500 1 5000000' | LC_ALL=C sort > want
same "pprof -raw" want got
grep -q '^PeriodType: time nanoseconds' pprof.out || { cat pprof.out; fail "pprof -raw: period type"; }
# the program's text, 0x1000 to 0x1210, at the file offset of its LOAD segment
off=$(readelf -lW prog | awk '$1 == "LOAD" { print $2, $3, $5 }' | while read o v n; do
	[ $((v)) -le $((0x1000)) ] && [ $((v + n)) -gt $((0x1000)) ] && printf '0x%x\n' $((o + 0x1000 - v)); done)
grep -q "^1: 0x1000/0x1210/$off prog " pprof.out || { cat pprof.out; fail "pprof -raw: the program's mapping at $off"; }
