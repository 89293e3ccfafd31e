# tprof -P FILE writes the profile for pprof beside the report: a sample
# per symbol with ticks, values [samples, cpu ns]. Read back by go tool
# pprof. First the hand-built profile of test 501 (tprof -f): beta 9,
# gamma 4, alpha 3 ticks of Plan 9's 1 ms, so -top gives those samples
# and 9, 4, 3 ms; the locations are the symbols' addresses (mkelf's),
# the mapping the program's text, 0x1000 to its end 0x1110.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/tprof-lib.sh"
. "$TOP/tests/progs/pprof-lib.sh"
needpprof

mkelf prog alpha=0x1000 beta=0x1040 gamma=0x1100
{ echo "20 4 1*0 3 4*0 5 11*0 4 12*0 4"; echo "478*0"; } | $B/tests/kpwords -b > profile
printf 'total: 20\nTEXT 00001000\n    ms      %%   sym\n     9\t 56.2\tbeta\n     4\t 25.0\tgamma\n     3\t 18.7\talpha\n' > want
$TPROF -P t.pb -f profile prog > got 2>err || { cat err; fail "tprof -P -f: exit $?"; }
same "the report beside -P" want got
[ ! -s err ] || { cat err; fail "tprof -P wrote to stderr"; }
pptop t.pb -sample_index=samples > got
printf '%s\n' 'alpha 3 3' 'beta 9 9' 'gamma 4 4' > want
same "pprof -top samples" want got
pptop t.pb -unit=ns > got
printf '%s\n' 'alpha 3000000 3000000' 'beta 9000000 9000000' 'gamma 4000000 4000000' > want
same "pprof -top cpu" want got
ppraw t.pb > /dev/null
sed -n '/^Locations/,/^Mappings/p' pprof.out | awk '/: 0x/ { print $2, $4 }' | LC_ALL=C sort > got
printf '%s\n' '0x1000 alpha' '0x1040 beta' '0x1100 gamma' > want
same "pprof -raw locations" want got
grep -q '^1: 0x1000/0x1110/0x1000 prog ' pprof.out || { cat pprof.out; fail "pprof -raw: the program's mapping"; }

# a file that cannot be made (its directory is not there): the report
# still, then one line; and a file written whole or not at all: nothing
# is left beside one that cannot replace a directory
$TPROF -P nodir/t.pb -f profile prog > got 2> err && fail "tprof -P nodir/t.pb: exit 0, want 1"
printf 'total: 20\nTEXT 00001000\n    ms      %%   sym\n     9\t 56.2\tbeta\n     4\t 25.0\tgamma\n     3\t 18.7\talpha\n' > want
same "the report before the failed -P" want got
[ "$(wc -l < err)" -eq 1 ] && grep -q '^tprof: nodir/t.pb: ' err || { cat err; fail "want one line naming nodir/t.pb"; }
mkdir d d/t.pb
$TPROF -P d/t.pb -f profile prog > got 2> err && fail "tprof -P d/t.pb (a directory): exit 0, want 1"
[ "$(wc -l < err)" -eq 1 ] && grep -q '^tprof: d/t.pb: ' err || { cat err; fail "want one line naming d/t.pb"; }
[ "$(ls -A d)" = t.pb ] || fail "tprof -P left $(ls -A d) behind"

# a live run (-c): pprof's rows are the report's, to the ms; samples of
# 1 ms (the default period) each
burncc burn
$TPROF -P live.pb -c ./burn -t 1 -s 0.3 > report 2> err || { cat err; fail "tprof -P -c: exit $?"; }
sed -n '/^    ms/,$p' report | sed 1d | awk -F'\t' '{ print $3, $1 + 0 }' | LC_ALL=C sort > want
[ -s want ] || { cat report; fail "tprof -c: no rows"; }
pptop live.pb -sample_index=samples | awk '{ print $1, $2 }' > got
same "pprof -top samples of a live run" want got
pptop live.pb -unit=ns | awk '{ print $1, $2 / 1000000 }' > got
same "pprof -top cpu of a live run" want got
grep -q '^Duration: ' pprof.out && grep -q '^Time: ' pprof.out || { cat pprof.out; fail "pprof: want the run's time and duration"; }
