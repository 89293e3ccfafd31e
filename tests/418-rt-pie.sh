# PIE and non-PIE executables (tests/progs/shape.c built both ways, checked
# with readelf): both give the right names and counts, the PIE one through
# its load bias.
. "$TOP/tests/lib.sh"

rtcc pie "$TOP/tests/progs/shape.c" -fPIE -pie
rtcc nopie "$TOP/tests/progs/shape.c" -fno-PIE -no-pie
readelf -h pie | grep -q 'Type:.*DYN' || fail "pie is not ET_DYN"
readelf -h nopie | grep -q 'Type:.*EXEC' || fail "nopie is not ET_EXEC"
cat > want.flat <<'E'
a 3
b 6
c 4
even 4
main 1
odd 4
rec 12
E
tree > want.d <<'E'
0 main 1
1 a 3
2 b 6
2 c 3
1 c 1
1 rec 2
2 rec 2
3 ...
1 even 1
2 odd 1
3 even 1
4 ...
E
for x in pie nopie; do
	rm -f prof.*
	./$x > out || fail "$x: exit $?"
	p=$(profile)
	calls $x "$p" > got.flat
	same "$x: calls" want.flat got.flat
	graph $x "$p" > got.d
	same "$x: prof -d" want.d got.d
done
