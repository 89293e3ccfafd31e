# prof -F on a real run of tests/progs/folds.c (proftype elapsed), read by
# an awk parser: every line is "frame;...;frame count" with a positive
# count, and the paths, in order, are the program's call paths in the
# order first called (known by construction; every path has self time).
# The counts (ns) of the lines ending in a function add up to its time in
# the flat report (s, 3 decimals) within its rounding, and all of them to
# the flat total.
. "$TOP/tests/lib.sh"
rtcc folds "$TOP/tests/progs/folds.c"
proftype=elapsed ./folds > out || fail "folds: exit $?"
[ "$(cat out)" = 35 ] || fail "folds printed $(cat out)"
p=$(profile)
cat > want.paths <<'W'
main
main;a
main;a;c
main;b
main;b;c
main;b;a
main;b;a;c
main;rec
main;rec;rec
main;rec;rec;rec
W
$PROF -F folds "$p" > folded 2> err || { cat err; fail "prof -F: exit $?"; }
awk '
	NF != 2 || $2 !~ /^[0-9]+$/ || $2 == 0 || $1 !~ /^[^;]+(;[^;]+)*$/ { print "bad line " NR ": " $0; bad = 1 }
	{ print $1 > "got.paths" }
	END { exit bad }' folded || fail "prof -F: malformed output"
same "paths" want.paths got.paths
# self time per function (the last frame) against the flat report
awk '{ n = split($1, f, ";"); t[f[n]] += $2; all += $2 }
	END { for(k in t) printf "%s %d\n", k, t[k]; printf "TOTAL %d\n", all }' folded | sort > fold.sums
$PROF folds "$p" > flat 2> err || fail "prof: exit $?"
sed 1d flat | awk -F'\t' '{ split($1, f, " "); print $2, f[2]; all += f[2] } END { print "TOTAL", all }' | sort > flat.sums
[ "$(wc -l < flat.sums)" -eq 6 ] || { cat flat; fail "flat report: want 5 functions"; }
join fold.sums flat.sums > both
[ "$(wc -l < both)" -eq 6 ] || { cat fold.sums flat.sums; fail "functions differ between -F and the flat report"; }
awk '{ d = $2 / 1e9 - $3; if(d < 0) d = -d
	lim = $1 == "TOTAL" ? 0.0005 * 5 + 1e-9 : 0.0005 + 1e-9
	if(d > lim){ print $1 ": folded " $2 " ns, flat " $3 " s"; bad = 1 } }
	END { exit bad }' both || fail "folded counts do not add up to the flat times"
