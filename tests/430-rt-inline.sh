# Functions expanded inline keep their hooks, called with the host
# function's frame and return address (tests/progs/inline.c): they are
# not taken for frames a longjmp left, and a call after a longjmp is not
# taken for an inlined one. Counts and the full tree are exact with gcc
# and clang, at -O0 and -O2. With clang's -finstrument-functions-after-
# inlining (hooks only on the calls left after inlining, what -pg counts)
# in1 and in2 have none: main calls leaf 14 times itself (at -O0 the whole
# tree; at -O2 clang may also make rec's recursion a loop, 10 calls).
. "$TOP/tests/lib.sh"

printf 'in1 14\nin2 1\nleaf 14\nmain 1\nrec 60\n' > want.flat
{
	echo "0 main 1"
	echo "1 in1 13"
	echo "2 leaf 13"
	echo "1 in2 1"
	echo "2 in1 1"
	echo "3 leaf 1"
	for d in 1 2 3 4 5 6; do echo "$d rec 10"; done
} | tree > want.r
n=0
for cc in gcc clang; do
	command -v $cc > /dev/null || continue
	for opt in -O0 -O2; do
		n=$((n + 1))
		rm -f prof.*
		CC=$cc RTOPT=$opt rtcc inline "$TOP/tests/progs/inline.c"
		./inline > out || fail "$cc $opt: exit $?"
		[ "$(cat out)" = 14 ] || fail "$cc $opt: output $(cat out)"
		p=$(profile)
		calls inline "$p" > got.flat
		same "$cc $opt: calls" want.flat got.flat
		graph -r inline "$p" > got.r
		same "$cc $opt: prof -dr" want.r got.r
	done
done
if command -v clang > /dev/null; then
	printf 'leaf 14\nmain 1\nrec 60\n' > want.flat
	{
		echo "0 main 1"
		echo "1 leaf 14"
		for d in 1 2 3 4 5 6; do echo "$d rec 10"; done
	} | tree > want.r
	for opt in -O0 -O2; do
		rm -f prof.*
		clang $opt -g -I"$TOP/include" -finstrument-functions-after-inlining -o inline \
			"$TOP/tests/progs/inline.c" "$B/libprof.a" -lpthread -ldl || fail "clang after inlining $opt"
		./inline > out || fail "clang after inlining $opt: exit $?"
		[ "$(cat out)" = 14 ] || fail "clang after inlining $opt: output $(cat out)"
		p=$(profile)
		calls inline "$p" > got.flat
		if [ $opt = -O2 ] && grep -qx 'rec 10' got.flat; then
			printf 'leaf 14\nmain 1\nrec 10\n' > want2.flat
			same "clang after inlining $opt: calls" want2.flat got.flat
			continue
		fi
		same "clang after inlining $opt: calls" want.flat got.flat
		graph -r inline "$p" > got.r
		same "clang after inlining $opt: prof -dr" want.r got.r
	done
fi
[ $n -gt 0 ] || skip "neither gcc nor clang"
