# prof -b -F: the folded difference (difffolded.pl's "path before after",
# self ns) equals the two profiles' own prof -F lines joined by path (a
# path missing from one side counts 0 there), for two real runs of
# tests/progs/folds.c (proftype elapsed).
. "$TOP/tests/lib.sh"
rtcc folds "$TOP/tests/progs/folds.c"
proftype=elapsed ./folds > /dev/null || fail "folds: exit $?"
mv "$(profile)" one.prof
proftype=elapsed ./folds > /dev/null || fail "folds: exit $?"
mv "$(profile)" two.prof
$PROF -F folds one.prof > one.f 2>/dev/null || fail "prof -F one"
$PROF -F folds two.prof > two.f 2>/dev/null || fail "prof -F two"
awk 'FNR == NR { a[$1] = $2; next } { b[$1] = $2 }
	END { for(p in a) print p, a[p], (p in b) ? b[p] : 0
		for(p in b) if(!(p in a)) print p, 0, b[p] }' one.f two.f | LC_ALL=C sort > want
$PROF -b one.prof -F folds two.prof > diff.f 2>err || { cat err; fail "prof -b -F: exit $?"; }
LC_ALL=C sort diff.f > got
same "folded difference" want got
exit 0
