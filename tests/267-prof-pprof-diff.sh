# pprof -diff_base of two prof -P profiles of one program: tests/progs/
# folds.c run as is and with argument 6 (main calls b 6 times, not 3).
# By construction (folds.c's opening comment) the calls change by b +3,
# a (2 + N) +3, c (8 + 9N) +27, main and rec 0: pprof's flat calls of the
# difference must be those. Times are the run's own: the difference's
# flat and cum per function must be the second profile's less the
# first's, as pprof -top gives each alone.
# (prof's own compare of two profiles is not on main yet: when it is,
# its numbers are the oracle for these too.)
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/pprof-lib.sh"
needpprof
rtcc folds "$TOP/tests/progs/folds.c"
proftype=elapsed ./folds > out || fail "folds: exit $?"
mv "$(profile)" base.prof
proftype=elapsed ./folds 6 > out || fail "folds 6: exit $?"
mv "$(profile)" new.prof
$PROF -P folds base.prof > base.pb || fail "prof -P base: exit $?"
$PROF -P folds new.prof > new.pb || fail "prof -P new: exit $?"

pptop new.pb -sample_index=calls -diff_base=base.pb | awk '$2 != 0 { print $1, $2 }' > got
printf '%s\n' 'a 3' 'b 3' 'c 27' > want
same "pprof -diff_base: calls" want got
$PROF -b base.prof folds new.prof > cmp 2> err || { cat err; fail "prof -b: exit $?"; }
sed 1d cmp | awk '$3 != 0 { print $7, $3 + 0 }' | LC_ALL=C sort > got
same "prof -b: calls" want got

pptop base.pb -unit=ns > base.top
pptop new.pb -unit=ns > new.top
pptop new.pb -unit=ns -diff_base=base.pb > diff.top
# every function of either, absent as 0: new - base, flat and cum
join -a 1 -a 2 -e 0 -o 0,1.2,1.3,2.2,2.3 new.top base.top |
	awk '{ f = $2 - $4; c = $3 - $5; if(f != 0 || c != 0) print $1, f, c }' > want
awk '$2 != 0 || $3 != 0' diff.top > got
[ "$(wc -l < want)" -ge 4 ] || { cat want; fail "the two runs' times hardly differ"; }
same "pprof -diff_base: time, the difference of the two -top" want got
# against prof -b's change of self time per function
sed 1d cmp | awk '{ print $7, $6 }' | LC_ALL=C sort > cmp.ms
join -a 1 -a 2 -e 0 -o 0,1.2,2.2 diff.top cmp.ms > both
[ "$(wc -l < both)" -eq 5 ] || { cat diff.top cmp.ms; fail "pprof -diff_base and prof -b differ in functions"; }
awk '{ d = $2 / 1e6 - $3; if(d < 0) d = -d
	if(d > 0.0005 + 1e-9){ print $1 ": pprof " $2 " ns, prof -b " $3 " ms"; bad = 1 } }
	END { exit bad }' both || fail "pprof -diff_base's flat times are not prof -b's changes"
