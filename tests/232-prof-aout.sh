# prof over Plan 9 a.out programs (386 8.out, amd64 6.out) and a classic
# prof.out, the reports worked out from Plan 9's prof.c: sum() gives each
# node's self time (its time less its children's) to the text symbol at or
# below its pc (symind over the text symbols, in address order: T t L l,
# libmach's); plot() prints "%4.1f %8.3f %8lud\t%s" by decreasing time;
# graph() prints right siblings first (the older calls), then the node,
# then its children, indented as indent(): 2 columns a level, ".\t" per
# $tabstop (4), the rest "." and spaces.
# 386 program (text at 0x1020, libmach: 4096 + 32): main 0x1020 (T),
# walk 0x1040 (t), leaf 0x1068 (L), helper 0x1080 (l), etext 0x10a0; data,
# file name and auto symbols between them are not text.
# Tree (calls, ms):
#	main (1, 100) at 0x1020		self 100 - 60 - 30 = 10
#	├── helper (2, 30) at 0x1080	self 30
#	└── walk (3, 60) at 0x1045	self 60 - 35 = 25 (0x1045 is in walk)
#	    └── leaf (7, 35) at 0x1068	self 35
# Total 100 ms: 35.0 30.0 25.0 10.0 percent; 0.035 0.030 0.025 0.010 s.
. "$TOP/tests/lib.sh"
unset tabstop
mkaout 8.out <<'E'
arch 386
entry 0x1020
text 0x80
data 0x10
z 1 1
f 1 walk.c
T 0x1020 main
a 4 i
t 0x1040 walk
D 0x1050 counter
L 0x1068 leaf
l 0x1080 helper
T 0x10a0 etext
E
# records: root; main; walk (newest: called last) right -> helper; leaf
$MKCLASSIC > prof.out <<'P'
1 - 0 0 100
2 - 0x1020 1 100
4 3 0x1045 3 60
- - 0x1080 2 30
- - 0x1068 7 35
P
printf '%b\n' \
	'  %     Time     Calls  Name' \
	'35.0    0.035        7\tleaf' \
	'30.0    0.030        2\thelper' \
	'25.0    0.025        3\twalk' \
	'10.0    0.010        1\tmain' > want.flat
printf '%b\n' \
	'main:100' \
	'. helper:30/2' \
	'. walk:60/3' \
	'.\tleaf:35/7' > want.d
$PROF 8.out prof.out > got || fail "prof 8.out: exit $?"
same "386 flat" want.flat got
$PROF -d 8.out prof.out > got || fail "prof -d 8.out: exit $?"
same "386 -d" want.d got

# amd64 (6.out, text at 0x200028: libmach's page 0x200000 + the 40-byte
# header), 8-byte symbol values; the same tree at these addresses
mkaout 6.out <<'E'
arch amd64
entry 0x200028
text 0x80
z 1 1
T 0x200028 main
t 0x200040 walk
L 0x200068 leaf
l 0x200080 helper
T 0x2000a8 etext
E
$MKCLASSIC > prof.out <<'P'
1 - 0 0 100
2 - 0x200028 1 100
4 3 0x200045 3 60
- - 0x200080 2 30
- - 0x200068 7 35
P
$PROF 6.out prof.out > got || fail "prof 6.out: exit $?"
same "amd64 flat" want.flat got
$PROF -d 6.out prof.out > got || fail "prof -d 6.out: exit $?"
same "amd64 -d" want.d got
exit 0
