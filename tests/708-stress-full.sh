# The profile buffer filling up in 16 threads at once (profsize=300,
# tests/progs/stress-full.c): the output and exit status are those of the
# unprofiled build; the runtime says once on stderr that 96960 calls were
# not recorded; prof reads the profile, says the same, and the calls and
# tree recorded are exactly those the program's comment works out (each
# thread keeps the first 300 paths it made).
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/stress-lib.sh"

both "$TOP/tests/progs/stress-full.c"
run plain ./plain
profsize=300 run prog ./prog
alike 0
[ "$(cat prog.out)" = 192336 ] || fail "output $(cat prog.out)"
[ ! -s plain.err ] || fail "unprofiled stderr: $(cat plain.err)"
[ "$(wc -l < prog.err)" -eq 1 ] || { cat prog.err; fail "want one line on stderr"; }
grep -Eq '^prof: 96960 Prof errors.*profsize' prog.err || fail "stderr: $(cat prog.err): want 96960 Prof errors"
p=$(profile)
printf 'kid 16\nleaf 16\nmain 1\nrec 95680\nworker 16\n' > want.flat
calls prog "$p" > got.flat
same "calls" want.flat got.flat
grep -Eq '(^|[^0-9])96960 .*not recorded' calls.err || fail "prof's stderr: $(cat calls.err): want 96960 calls not recorded"
awk 'BEGIN {
	print 0, "main", 1
	print 0, "worker", 16
	for(d = 1; d <= 299; d++)
		print d, "rec", 320
	print 0, "kid", 16
	print 1, "leaf", 16
}' | LC_ALL=C sort > want.r
levels prog "$p" > got.r
same "tree (prof -dr, by depth)" want.r got.r
