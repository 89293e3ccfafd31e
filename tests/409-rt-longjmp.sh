# longjmp out of deep recursion, 1000 times (tests/progs/longjmp.c): the
# calls are exact, and the tree puts the calls made after each longjmp
# under their real caller (main -> after, main -> last), not under the
# frames the longjmp left.
. "$TOP/tests/lib.sh"

rtcc longjmp "$TOP/tests/progs/longjmp.c"
./longjmp > out || fail "exit $?"
[ "$(cat out)" = 1000 ] || fail "output $(cat out)"
p=$(profile)
printf 'after 1000\nlast 1\nmain 1\nrec 31000\n' > want.flat
calls longjmp "$p" > got.flat
same "calls" want.flat got.flat
tree > want.d <<'E'
0 main 1
1 rec 1000
2 rec 1000
3 ...
1 after 1000
1 last 1
E
graph longjmp "$p" > got.d
same "prof -d" want.d got.d
{
	echo "0 main 1"
	d=1
	while [ $d -le 31 ]; do echo "$d rec 1000"; d=$((d + 1)); done
	echo "1 after 1000"
	echo "1 last 1"
} | tree > want.r
graph -r longjmp "$p" > got.r
same "prof -dr" want.r got.r
