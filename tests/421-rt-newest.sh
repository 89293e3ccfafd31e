# prof without the profile argument and no prof.out: it reads the newest
# prof.<pid> here (by modification time, not pid), and says which on
# stderr; with no argument at all (and no a.out) it finds the program in
# the profile. With a prof.out, prof.out is read.
. "$TOP/tests/lib.sh"

rtcc count "$TOP/tests/progs/count.c"
./count 5 > pid.new || fail "exit $?"
./count 2 > pid.old || fail "exit $?"
new=prof.$(cat pid.new) old=prof.$(cat pid.old)
touch -d '1 hour ago' "$old" || fail "touch"
: > prof.12x		# not prof.<pid>
mkdir prof.999999	# not a file

printf 'main 1\nwork 5\n' > want.flat
$PROF count > got 2> err || { cat err; fail "prof count: exit $?"; }
sed 1d got | awk -F'\t' '{ n = split($1, f, " "); print $2, f[n] }' | LC_ALL=C sort > got.flat
same "prof count: calls" want.flat got.flat
grep -q "using $new\$" err || fail "prof count: stderr $(cat err): want 'using $new'"
[ "$(grep -c using err)" -eq 1 ] || fail "prof count: stderr $(cat err)"

$PROF > got 2> err || { cat err; fail "prof: exit $?"; }
sed 1d got | awk -F'\t' '{ n = split($1, f, " "); print $2, f[n] }' | LC_ALL=C sort > got.flat
same "prof (no arguments): calls" want.flat got.flat
grep -q "using $new\$" err || fail "prof: stderr $(cat err): want 'using $new'"

cp "$old" prof.out
$PROF count > got 2> err || { cat err; fail "prof count with prof.out: exit $?"; }
sed 1d got | awk -F'\t' '{ n = split($1, f, " "); print $2, f[n] }' | LC_ALL=C sort > got.flat
printf 'main 1\nwork 2\n' > want.flat
same "prof.out: calls" want.flat got.flat
grep -q using err && fail "prof.out: stderr $(cat err)"
exit 0
