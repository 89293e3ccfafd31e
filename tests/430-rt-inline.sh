# Functions expanded inline keep their hooks, called with the host
# function's frame and return address (tests/progs/inline.c): they are
# not taken for frames a longjmp left, and a call after a longjmp is not
# taken for an inlined one. Counts and the full tree are exact with gcc
# and clang, at -O0 and -O2.
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
[ $n -gt 0 ] || skip "neither gcc nor clang"
