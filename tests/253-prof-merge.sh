# prof with several profiles reports their sum, path by path.
# 1. Three runs of tests/progs/folds.c (a PIE, loaded at another address
#    each run) calling b 3, 1 and 4 times: by construction main 3, a 6+8,
#    b 8, c 24+9x8, rec 9, on the paths below; the folded stacks of the sum
#    are the sums, path by path, of the three runs' (exactly, in ns).
# 2. A forked child's prof() profile with its parent's
#    (tests/progs/profchild.c): main 1, p 2 and fn 1, g 7, h 7.
# 3. Two hand-made Plan 9 prof.out files (main 0x1000, f 0x1100, g 0x1200):
#    A: main (1, 10 ms) > f (2, 4); B: main (1, 20) > f (3, 6), then g (1, 5).
#    Sum: main (2, 30) > f (5, 10), g (1, 5); self main 15, f 10, g 5 of 30.
# 4. Two runs of tests/progs/linked.c, with the instrumented shared object
#    from tests/progs/plug.c loaded at another address each time (matched
#    by path): twice main 1, plugfn 2, plughelper 10, local 1.
. "$TOP/tests/lib.sh"

rtcc folds "$TOP/tests/progs/folds.c"
for nb in 3 1 4; do
	proftype=elapsed ./folds $nb > out || fail "folds $nb: exit $?"
	[ "$(cat out)" = $((8 + 9 * nb)) ] || fail "folds $nb printed $(cat out)"
done
set -- prof.[0-9]*
[ $# -eq 3 ] || fail "want 3 profiles, have $*"
printf '%s\n' 'a 14' 'b 8' 'c 96' 'main 3' 'rec 9' > want
$PROF folds "$@" > calls.out 2> err || { cat err; fail "prof folds $*: exit $?"; }
sed 1d calls.out | awk -F'\t' '{ n = split($1, f, " "); print $2, f[n] }' | LC_ALL=C sort > got
same "summed calls" want got
tree > want.d <<'W'
0 main 3
1 a 6
2 c 24
1 b 8
2 c 40
2 a 8
3 c 32
1 rec 3
2 rec 3
3 ...
W
tabstop=100 $PROF -d folds "$@" 2> err | sed 's/:[0-9]*/:T/' > got.d
same "summed call graph" want.d got.d
# folded stacks: the sum's are the sums of the parts'
for p in "$@"; do
	$PROF -F folds "$p" >> parts || fail "prof -F folds $p: exit $?"
done
awk '{ t[$1] += $2 } END { for(k in t) print k, t[k] }' parts | LC_ALL=C sort > want.f
$PROF -F folds "$@" 2> err | LC_ALL=C sort > got.f
[ "$(wc -l < want.f)" -eq 10 ] || { cat want.f; fail "want 10 paths in the parts"; }
same "summed folded stacks" want.f got.f

rtcc profchild "$TOP/tests/progs/profchild.c"
rm -f prof.*
./profchild > out || fail "profchild: exit $?"
set -- prof.[0-9]*
[ $# -eq 2 ] || fail "want 2 profiles, have $*"
printf '%s\n' 'fn 1' 'g 7' 'h 7' 'main 1' 'p 2' > want
$PROF profchild "$@" > calls.out 2> err || { cat err; fail "prof profchild $*: exit $?"; }
sed 1d calls.out | awk -F'\t' '{ n = split($1, f, " "); print $2, f[n] }' | LC_ALL=C sort > got
same "parent and child summed" want got

mkelf prog main=0x1000 f=0x1100 g=0x1200
$MKCLASSIC > a.out9 <<'P'
1 - 0 0 10
2 - 0x1000 1 10
- - 0x1100 2 4
P
$MKCLASSIC > b.out9 <<'P'
1 - 0 0 20
2 - 0x1000 1 20
- 3 0x1200 1 5
- - 0x1100 3 6
P
printf '%b\n' 'main:30/2' '. f:10/5' '. g:5' > want
$PROF -d prog a.out9 b.out9 > got || fail "prof -d prog a b: exit $?"
same "classic sum, -d" want got
printf '%s\n' '  %     Time     Calls  Name' \
	'50.0    0.015        2	main' \
	'33.3    0.010        5	f' \
	'16.7    0.005        1	g' > want
$PROF prog a.out9 b.out9 > got || fail "prof prog a b: exit $?"
same "classic sum, flat" want got

${CC:-cc} -O0 -shared -fPIC -finstrument-functions -o libplug.so "$TOP/tests/progs/plug.c" || fail "cc libplug.so"
rtcc linked "$TOP/tests/progs/linked.c" -L. -lplug -rdynamic
rm -f prof.*
LD_LIBRARY_PATH=. ./linked > out || fail "linked: exit $?"
LD_LIBRARY_PATH=. ./linked > out || fail "linked: exit $?"
set -- prof.[0-9]*
[ $# -eq 2 ] || fail "want 2 profiles, have $*"
printf '%s\n' 'local 2' 'main 2' 'plugfn 4' 'plughelper 20' > want
$PROF linked "$@" > calls.out 2> err || { cat err; fail "prof linked $*: exit $?"; }
sed 1d calls.out | awk -F'\t' '{ n = split($1, f, " "); print $2, f[n] }' | LC_ALL=C sort > got
same "runs with a shared object summed" want got
tree > want.d <<'W'
0 main 2
1 plugfn 4
2 plughelper 20
1 local 2
W
tabstop=100 $PROF -d linked "$@" 2> err | sed 's/:[0-9]*/:T/' > got.d
same "runs with a shared object summed, -d" want.d got.d
