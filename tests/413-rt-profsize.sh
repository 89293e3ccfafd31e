# profsize overflow (tests/progs/paths.c, 17 call paths, profsize=5): the
# program's output and exit status are its own; its stderr is one line
# giving the 24 calls not recorded and naming profsize; the profile holds
# the 5 paths recorded, and prof warns that 24 calls were not recorded.
. "$TOP/tests/lib.sh"

src=$TOP/tests/progs/paths.c
plaincc plain "$src"
./plain > want.out 2> want.err
want=$?
[ $want -eq 7 ] || fail "unprofiled: exit $want"
rtcc paths "$src"
profsize=5 ./paths > out 2> err
rc=$?
[ $rc -eq $want ] || fail "exit $rc, want $want"
same "program output" want.out out
[ "$(wc -l < err)" -eq 1 ] || { cat err; fail "want one line on stderr"; }
grep -Eq '(^|[^0-9])24 Prof errors' err || fail "stderr: $(cat err): want 24 Prof errors"
grep -q profsize err || fail "stderr: $(cat err): does not name profsize"

p=$(profile)
printf 'a1 1\na2 1\nleaf 6\nmain 1\n' > want.flat
calls paths "$p" > got.flat
same "recorded calls" want.flat got.flat
grep -Eq '(^|[^0-9])24 .*not recorded' calls.err || fail "prof's stderr: $(cat calls.err): want a warning of 24 calls not recorded"

# the default buffer holds them all
rm -f prof.*
./paths > out 2> err
[ ! -s err ] || fail "default profsize: stderr $(cat err)"
calls paths "$(profile)" > got.flat
printf 'a1 1\na2 1\na3 1\na4 1\na5 1\na6 1\na7 1\na8 1\nleaf 24\nmain 1\n' > want.flat
same "calls, default profsize" want.flat got.flat
