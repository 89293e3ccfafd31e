# A prof.<pid> whose times cannot be is refused in one line naming the
# node (issue 16.5): a callee that outlasts its caller by more than the
# rounding of their times (the runtime rounds each node's time to the
# unit: a unit a callee is allowed) (prof printed
# 18446744073709551616.0%: the caller's self time wrapped), times whose
# sum in ns is past 64 bits (-F's values wrapped), calls whose sum is;
# and profiles each sound whose sum (prof prog a b) is not. The files are
# made here byte by byte (prof(5)): a 56-byte header (magic, version 1,
# proftype 3 elapsed, mechanism 2 monotonic, profsize, unitns, lost 0,
# nmod 1, nthread 1, nnode 3, exemod 0), the module (bias 0, its path's
# length, build-id length 0, the path padded to 8 bytes), one thread (tid
# 1, root 0), then 40-byte nodes: 0 the thread's root (pc 0), 1 main at
# 0x1000 under it, 2 work at 0x1100 under main.
. "$TOP/tests/lib.sh"

# le BYTES VALUE: VALUE little-endian in BYTES bytes
le()
{
	_v=$2
	_i=0
	while [ $_i -lt $1 ]; do
		printf "\\$(printf %03o $((_v & 255)))"
		_v=$((_v >> 8))
		_i=$((_i + 1))
	done
}

# mkprof FILE UNITNS ROOTTIME MAINTIME WORKTIME [CALLS]: CALLS (default 1) of main and of work
mkprof()
{
	{
		printf 'PROF9LX\n'
		le 4 1; le 4 3; le 4 2; le 4 16; le 8 $2; le 8 0
		le 4 1; le 4 1; le 4 3; le 4 0
		le 8 0; le 4 ${#path}; le 4 0
		printf %s "$path"
		head -c $(((8 - ${#path} % 8) % 8)) /dev/zero
		le 4 1; le 4 0
		# down right mod pad off count time
		le 4 1; le 4 0xFFFFFFFF; le 4 0xFFFFFFFF; le 4 0; le 8 0; le 8 1; le 8 $3
		le 4 2; le 4 0xFFFFFFFF; le 4 0; le 4 0; le 8 0x1000; le 8 ${6:-1}; le 8 $4
		le 4 0xFFFFFFFF; le 4 0xFFFFFFFF; le 4 0; le 4 0; le 8 0x1100; le 8 ${6:-1}; le 8 $5
	} > $1
}

mkelf prog main=0x1000 work=0x1100
path=$(pwd)/prog
# sound: main 10 ms, work 9 of them: work 90%, main's self 1 ms 10%
mkprof good.prof 1000000 10 10 9
printf '%b\n' '  %     Time     Calls  Name' '90.0    0.009        1\twork' '10.0    0.001        1\tmain' > want
$PROF prog good.prof > got 2> err || { cat err; fail "the sound profile: exit $?"; }
same "the sound profile" want got

# a unit longer: rounding; main has no self time (not a wrapped -1):
# -F's one line is work's, 11 units of 1 ms
mkprof round.prof 1000000 11 10 11
printf 'main;work 11000000\n' > want
$PROF -F prog round.prof > got 2> err || { cat err; fail "a callee a unit longer: exit $?"; }
same "a callee a unit longer, -F" want got
mkprof outlast.prof 1000000 10 10 12
for f in "" -d -F -C -S; do
	errcase "callee outlasts its caller, prof $f" \
		'^prof: outlast\.prof: node 1: its callees. time \(12\) exceeds its own \(10\)$' $PROF $f prog outlast.prof
done
# 2e10 units of 1 s (the greatest unit prof(5) allows): 2e19 ns, past 2^64 (1.8e19)
mkprof big.prof 1000000000 20000000000 20000000000 10000000000
errcase "times past 2^64 ns" '^prof: big\.prof: its threads. times add up to more than 2\^64 ns$' $PROF -F prog big.prof
# calls 2^63 each: 2^64 in all
mkprof calls.prof 1000000 10 10 9 $((1 << 63))
errcase "calls past 2^64" '^prof: calls\.prof: its call counts add up to 2\^64 or more$' $PROF prog calls.prof
# two sound profiles whose sum is not: 2e10 s / 2 each, and 2^62 + 2^62 calls each
mkprof half.prof 1000000000 10000000000 10000000000 9
errcase "merged times past 2^64 ns" '^prof: half\.prof: added to half\.prof, the times or the calls add up to 2\^64 or more$' \
	$PROF prog half.prof half.prof
mkprof halfc.prof 1000000 10 10 9 $((1 << 62))
$PROF prog halfc.prof > /dev/null || fail "2^63 calls: exit $?"
errcase "merged calls past 2^64" '^prof: halfc\.prof: added to halfc\.prof, the times or the calls add up to 2\^64 or more$' \
	$PROF prog halfc.prof halfc.prof
exit 0
