# prof -C read by valgrind's callgrind_annotate (the oracle for the
# format). A hand-made Plan 9 prof.out (the tree of 250-prof-folded-classic:
# main 0x1000, f 0x1100, g 0x1200, a pc 0x500 below them all), worked by
# hand, ns = ms x 10^6:
#	self: g 60 ms (40 under f, 20 under main), f 20, main 15, #500 5
#	arcs (calls, inclusive ms): main>f 1 60, main>g 4 25, f>f 2 40,
#	f>g 3 40, g>#500 1 5
# Then a real run of tests/progs/folds.c: the self time of each function
# matches the flat report (within its rounding to 1 ms) and the calls on
# the arcs are the program's, known by construction.
. "$TOP/tests/lib.sh"
command -v callgrind_annotate > /dev/null || skip "no callgrind_annotate (apt-get install valgrind)"

# annotate FILE: "name self" lines, and "caller>callee calls cost" lines
# from the calling tree, sorted, commas dropped.
annotate()
{
	callgrind_annotate --threshold=100 "$1" > ann.self 2> ann.err || { cat ann.err; fail "callgrind_annotate $1"; }
	callgrind_annotate --threshold=100 --tree=calling "$1" > ann.tree 2>> ann.err || { cat ann.err; fail "callgrind_annotate --tree $1"; }
	[ ! -s ann.err ] || { cat ann.err; fail "callgrind_annotate complained about $1"; }
	{
		awk '/^-+$/ { rule++; next } rule >= 5 && $NF ~ /^\?\?\?:/ { sub(/^\?\?\?:/, "", $NF); gsub(/,/, "", $1); print $NF, $1 }' ann.self
		awk '{ sub(/\([^)]*\)/, "") }	# the percentage, "( 5.00%)"
			$2 == "*" { fn = $3; sub(/^\?\?\?:/, "", fn); next }
			$2 == ">" { callee = $3; sub(/^\?\?\?:/, "", callee); n = $4; gsub(/[(x)]/, "", n)
				c = $1; gsub(/,/, "", c); print fn ">" callee, n, c }' ann.tree
	} | LC_ALL=C sort
}

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
$PROF -C prog prof.out > cg.classic 2> err || { cat err; fail "prof -C: exit $?"; }
LC_ALL=C sort > want <<'W'
#500 5000000
f 20000000
g 60000000
main 15000000
main>f 1 60000000
main>g 4 25000000
f>f 2 40000000
f>g 3 40000000
g>#500 1 5000000
W
annotate cg.classic > got
same "callgrind_annotate of prof -C (classic)" want got
grep -q '100,000,000 (100.0%)  PROGRAM TOTALS' ann.self || { cat ann.self; fail "total is not 100 ms"; }

rtcc folds "$TOP/tests/progs/folds.c"
proftype=elapsed ./folds > out || fail "folds: exit $?"
p=$(profile)
$PROF -C folds "$p" > cg.run 2> err || { cat err; fail "prof -C: exit $?"; }
annotate cg.run > got
LC_ALL=C sort > want.arcs <<'W'
main>a 2
main>b 3
main>rec 1
a>c 20
b>c 15
b>a 3
rec>rec 2
W
awk 'NF == 3 { print $1, $2 }' got | LC_ALL=C sort > got.arcs
same "calls on the arcs" want.arcs got.arcs
awk 'NF == 2' got > got.self
$PROF folds "$p" > flat 2> err || fail "prof: exit $?"
sed 1d flat | awk -F'\t' '{ split($1, f, " "); print $2, f[2] }' | LC_ALL=C sort > flat.self
join got.self flat.self > both
[ "$(wc -l < both)" -eq 5 ] && [ "$(wc -l < got.self)" -eq 5 ] || { cat got.self flat.self; fail "functions differ between callgrind_annotate and the flat report"; }
awk '{ d = $2 / 1e9 - $3; if(d < 0) d = -d
	if(d > 0.0005 + 1e-9){ print $1 ": callgrind " $2 " ns, flat " $3 " s"; bad = 1 } }
	END { exit bad }' both || fail "self times differ from the flat report"
