# The regression gate as README shows it, on tests/progs/gate.c: the
# baseline saved by names (prof -N) from one build, so that it needs no
# binary; a rerun of the same build passes (exact counts: nothing to
# report, status 0, however its times vary: the time limit has a floor);
# a build whose change doubles the hot calls (-DHOT=2000, at the same path,
# so a different binary) fails with one line for hot and one for its path
# (known by construction: 1000 calls before, 2000 after), status 1.
. "$TOP/tests/lib.sh"
rtcc app "$TOP/tests/progs/gate.c"
./app || fail "app: exit $?"
$PROF -N app > base.names 2>err || { cat err; fail "prof -N: exit $?"; }
grep -qx '1000 [0-9]* main;work;hot' base.names || fail "base.names: $(cat base.names)"
rm -f prof.[0-9]*
./app || fail "app rerun: exit $?"
$PROF -b base.names -g calls,time=100,min=5 app > out 2>err
rc=$?
[ $rc -eq 0 ] && [ ! -s out ] || { cat out err; fail "rerun: exit $rc, want 0 and nothing"; }
rm -f prof.[0-9]* app
rtcc app "$TOP/tests/progs/gate.c" -DHOT=2000
./app || fail "app -DHOT=2000: exit $?"
$PROF -b base.names -g calls,time=100,min=5 app > out 2>err
rc=$?
[ $rc -eq 1 ] || { cat out err; fail "doubled: exit $rc, want 1"; }
printf '%s\n' 'calls: function hot: 1000 -> 2000' 'calls: path main;work;hot: 1000 -> 2000' > want
grep '^calls: ' out > got
same "breaches" want got
exit 0
