# The current directory is not writable (mode 555, the program run as
# nobody when we are root, since root writes anywhere): the program's
# output and exit status are those of the unprofiled build, its stderr is
# one line from the runtime naming prof.<pid>, and nothing is left behind.
. "$TOP/tests/lib.sh"

src=$TOP/tests/progs/paths.c
if [ "$(id -u)" -eq 0 ]; then
	command -v setpriv > /dev/null || skip "root, and no setpriv to become nobody"
	chmod 711 . || fail "chmod ."
fi
mkdir ro
plaincc ro/plain "$src"
rtcc ro/paths "$src"
chmod 555 ro
cd ro || fail "cd ro"
asnobody sh -c 'exit 0' > /dev/null 2>&1 || skip "cannot run a program as nobody here"
if asnobody sh -c ': > x' 2> /dev/null; then
	skip "cannot make an unwritable directory here"
fi
asnobody ./plain > ../want.out 2> ../want.err
want=$?
asnobody ./paths > ../out 2> ../err
rc=$?
cd ..
[ $want -eq 7 ] || fail "unprofiled: exit $want"
[ $rc -eq $want ] || fail "exit $rc, want $want"
same "program output" want.out out
[ ! -s want.err ] || fail "unprofiled stderr: $(cat want.err)"
[ "$(wc -l < err)" -eq 1 ] || { cat err; fail "want one line on stderr"; }
grep -Eq '^prof: prof\.[0-9]+: .*[Pp]ermission denied' err || fail "stderr: $(cat err)"
[ "$(ls -A ro | LC_ALL=C sort | tr '\n' ' ')" = "paths plain " ] || fail "left in ro: $(ls -A ro)"
