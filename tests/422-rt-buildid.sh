# prof warns when the binary given is not the one profiled: the profile
# records the executable's GNU build-id; rebuilt with a change (a function
# added), the binary's build-id differs, and prof says so on stderr. The
# binary that was profiled gets no warning.
. "$TOP/tests/lib.sh"

src=$TOP/tests/progs/count.c
rtcc count "$src" -Wl,--build-id
readelf -n count | grep -q 'Build ID' || skip "the linker wrote no build-id"
./count 3 > pid || fail "exit $?"
p=prof.$(cat pid)
$PROF count "$p" > got 2> err || { cat err; fail "prof: exit $?"; }
grep -qi 'build-id' err && fail "same binary: stderr $(cat err)"
sed 1d got | awk -F'\t' '{ n = split($1, f, " "); print $2, f[n] }' | LC_ALL=C sort > got.flat
printf 'main 1\nwork 3\n' > want.flat
same "calls" want.flat got.flat

{ cat "$src"; echo 'int extra(void) { return 42; }'; } > changed.c
rtcc count changed.c -Wl,--build-id
$PROF count "$p" > got 2> err || { cat err; fail "prof, rebuilt: exit $?"; }
grep -q 'count: not the file profiled' err || fail "rebuilt: stderr '$(cat err)': want a build-id warning naming count"
[ "$(grep -c 'not the file profiled' err)" -eq 1 ] || fail "rebuilt: stderr $(cat err)"
exit 0
