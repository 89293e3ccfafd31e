# Exact call counts and call tree of a program whose calls are known by
# construction (tests/progs/shape.c: paths of known shape, recursion of
# known depth, mutual recursion): the flat Calls column, prof -d (recursion
# compressed) and prof -dr (full), times masked. Static runtime, then shared.
. "$TOP/tests/lib.sh"

rtcc shape "$TOP/tests/progs/shape.c"
./shape > out || fail "shape exit $?"
echo "16 6 1" > want.out
same "program output" want.out out

cat > want.flat <<'E'
a 3
b 6
c 4
even 4
main 1
odd 4
rec 12
E
p=$(profile)
calls shape "$p" > got.flat
same "flat calls" want.flat got.flat

# the tree as the construction implies: depth, name, count
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
graph shape "$p" > got.d
same "prof -d" want.d got.d

{
	echo "0 main 1"
	echo "1 a 3"
	echo "2 b 6"
	echo "2 c 3"
	echo "1 c 1"
	for d in 1 2 3 4 5 6; do echo "$d rec 2"; done
	for d in 1 3 5 7; do echo "$d even 1"; echo "$((d + 1)) odd 1"; done
} | tree > want.r
graph -r shape "$p" > got.r
same "prof -dr" want.r got.r

# the same with the shared runtime
rm -f prof.*
${CC:-cc} -O0 -finstrument-functions -o shape.so "$TOP/tests/progs/shape.c" \
	-L"$B" -Wl,-rpath,"$B" -lprof || fail "cc -lprof"
./shape.so > out || fail "shape.so exit $?"
same "program output (shared runtime)" want.out out
p=$(profile)
calls shape.so "$p" > got.flat
same "flat calls (shared runtime)" want.flat got.flat
graph -r shape.so "$p" > got.r
same "prof -dr (shared runtime)" want.r got.r
