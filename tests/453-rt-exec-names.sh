# exec keeps every image's profile (tests/progs/chain.c): image a execs
# itself as image b, which execs another profiled program (count), all one
# pid. The images that exec write prof.<pid>.1 and prof.<pid>.2, the last
# writes prof.<pid> at exit; each holds its own image's calls, as worked
# out in chain.c. prof without a profile argument takes prof.<pid> (the
# newest), also when all three have one modification time; the two of
# chain add up. A prof.<pid>.1 already there (made by image a itself) is
# not replaced: the images that exec write .2 and .3.
. "$TOP/tests/lib.sh"

rtcc chain "$TOP/tests/progs/chain.c"
rtcc count "$TOP/tests/progs/count.c"
plaincc plainchain "$TOP/tests/progs/chain.c"
plaincc plaincount "$TOP/tests/progs/count.c"
mkdir plain && cp plainchain plain/chain && cp plaincount plain/count || fail "cp"

(cd plain && ./chain a > ../want.out) || fail "unprofiled: exit $?"
./chain a > out || fail "exit $?"
pid=$(sed -n 1p out)
[ "$(sed 1d out)" = "$pid" ] || fail "count ran with another pid: $(cat out)"
[ "$(sed 1d want.out)" = "$(sed -n 1p want.out)" ] || fail "unprofiled output: $(cat want.out)"
[ "$(ls prof.* | LC_ALL=C sort | tr '\n' ' ')" = "prof.$pid prof.$pid.1 prof.$pid.2 " ] ||
	fail "profiles: $(ls prof.*)"

printf 'main 1\none 1\n' > want.a
printf 'main 1\ntwo 2\n' > want.b
printf 'main 1\nwork 4\n' > want.count
calls chain prof.$pid.1 > got.flat
same "image a" want.a got.flat
calls chain prof.$pid.2 > got.flat
same "image b" want.b got.flat
calls count prof.$pid > got.flat
same "count" want.count got.flat

# the newest, found with no profile argument (and no program: from the profile)
for when in written "one time"; do
	[ "$when" = "one time" ] && touch -d '1 minute ago' prof.$pid prof.$pid.1 prof.$pid.2
	$PROF > got 2> err || { cat err; fail "prof ($when): exit $?"; }
	grep -q "using prof.$pid\$" err || fail "prof ($when): stderr $(cat err)"
	sed 1d got | awk -F'\t' '{ n = split($1, f, " "); print $2, f[n] }' | LC_ALL=C sort > got.flat
	same "prof ($when): calls" want.count got.flat
done
rm prof.$pid
touch -d '1 minute ago' prof.$pid.1 prof.$pid.2
$PROF chain > /dev/null 2> err || { cat err; fail "prof chain: exit $?"; }
grep -q "using prof.$pid.2\$" err || fail "prof chain, same times: stderr $(cat err)"

# the images of chain add up
printf 'main 2\none 1\ntwo 2\n' > want.sum
$PROF chain prof.$pid.1 prof.$pid.2 > got 2> err || { cat err; fail "prof chain (sum): exit $?"; }
sed 1d got | awk -F'\t' '{ n = split($1, f, " "); print $2, f[n] }' | LC_ALL=C sort > got.flat
same "the sum" want.sum got.flat

# a file of that name already there is not replaced
rm -f prof.*
./chain a stale > out || fail "stale: exit $?"
pid=$(sed -n 1p out)
[ "$(ls prof.* | LC_ALL=C sort | tr '\n' ' ')" = "prof.$pid prof.$pid.1 prof.$pid.2 prof.$pid.3 " ] ||
	fail "stale: profiles: $(ls prof.*)"
[ "$(cat prof.$pid.1)" = stale ] || fail "stale: prof.$pid.1 replaced"
calls chain prof.$pid.2 > got.flat
same "stale: image a" want.a got.flat
calls chain prof.$pid.3 > got.flat
same "stale: image b" want.b got.flat
