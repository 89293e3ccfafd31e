# prof -P on a real run of tests/progs/folds.c (proftype elapsed), read
# back by go tool pprof. Its call paths and the calls on each are known
# by construction (folds.c's opening comment), so pprof -raw must give
# exactly those, each with the self time prof -F gives the path; -traces
# must be -F line for line; -top's calls per function are folds.c's
# (main 1, a 5, b 3, c 35, rec 3) and the flat report's, its flat time
# the flat report's (s, 3 decimals) within that rounding, its cum of
# main the total. The mapping names the program with the build-id
# readelf finds in it.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/pprof-lib.sh"
needpprof
rtcc folds "$TOP/tests/progs/folds.c" -Wl,--build-id
proftype=elapsed ./folds > out || fail "folds: exit $?"
p=$(profile)
$PROF -P folds "$p" > prof.pb 2> err || { cat err; fail "prof -P: exit $?"; }
[ ! -s err ] || { cat err; fail "prof -P wrote to stderr"; }
$PROF -F folds "$p" > folded || fail "prof -F: exit $?"

# -raw: the paths with their calls (folds.c) and self times (-F)
ppraw prof.pb | LC_ALL=C sort > raw
cat > want.calls <<'W'
main 1
main;a 2
main;a;c 8
main;b 3
main;b;c 15
main;b;a 3
main;b;a;c 12
main;rec 1
main;rec;rec 1
main;rec;rec;rec 1
W
LC_ALL=C sort want.calls > want
awk '{ print $1, $2 }' raw > got
same "pprof -raw: calls per path" want got
awk '{ print $1, $3 }' raw > got
LC_ALL=C sort folded > want
same "pprof -raw: time per path, against prof -F" want got
bid=$(readelf -n folds | sed -n 's/.*Build ID: *//p')
[ -n "$bid" ] || fail "readelf finds no build-id in folds"
grep -Eq "^1: 0x[0-9a-f]+/0x[0-9a-f]+/0x[0-9a-f]+ folds $bid \[FN\]" pprof.out ||
	{ sed -n '/^Mappings/,$p' pprof.out; fail "pprof -raw: want the mapping of folds with build-id $bid"; }

# -traces: -F, line for line
pptraces prof.pb -unit=ns | LC_ALL=C sort > got
same "pprof -traces against prof -F" want got

# -top: calls per function, folds.c's and the flat report's
pptop prof.pb -sample_index=calls | awk '{ print $1, $2 }' > got
printf '%s\n' 'a 5' 'b 3' 'c 35' 'main 1' 'rec 3' > want
same "pprof -top calls" want got
calls folds "$p" > got
same "prof's flat report calls" want got
# -top: flat time per function against the flat report's seconds
pptop prof.pb -unit=ns > top
sed 1d calls.out | awk -F'\t' '{ split($1, f, " "); print $2, f[2] }' | LC_ALL=C sort > flat
join top flat > both
[ "$(wc -l < both)" -eq 5 ] || { cat top flat; fail "pprof -top and the flat report differ in functions"; }
awk '{ d = $2 / 1e9 - $4; if(d < 0) d = -d
	if(d > 0.0005 + 1e-9){ print $1 ": pprof " $2 " ns, prof " $4 " s"; bad = 1 } }
	END { exit bad }' both || fail "pprof -top's flat times are not the flat report's"
# cum of main: every path's time, the sum of -F
all=$(awk '{ s += $2 } END { print s }' folded)
awk -v all="$all" '$1 == "main" && $3 != all { print "main cum " $3 ", -F total " all; bad = 1 } END { exit bad }' top ||
	fail "pprof -top: main's cum is not the total"
