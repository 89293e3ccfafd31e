# Exit with 8 threads busy in instrumented code and a current directory
# that cannot take prof.<pid> (tests/progs/stress-cwd.c): one removed by
# the program itself just before, and one read-only (mode 555, the
# program run as nobody when we are root). Each 5 times: the output and
# exit status are those of the unprofiled build, stderr is one line from
# the runtime naming prof.<pid>, and nothing is left in the read-only
# directory.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/stress-lib.sh"

top=$(pwd)
both "$TOP/tests/progs/stress-cwd.c"
# one line from the runtime on NAME.err naming prof.<pid>
oneline()
{
	[ ! -s plain.err ] || fail "$1: unprofiled stderr: $(cat plain.err)"
	[ "$(wc -l < prog.err)" -eq 1 ] || { cat prog.err; fail "$1: want one line on stderr"; }
	grep -Eq '^prof: prof\.[0-9]+: ' prog.err || fail "$1: stderr: $(cat prog.err)"
}

for i in 1 2 3 4 5; do
	mkdir gone || fail "mkdir"
	(cd gone && run "$top/plain" "$top/plain" rm)
	mkdir gone || fail "mkdir"
	(cd gone && run "$top/prog" "$top/prog" rm)
	alike 7
	oneline "removed"
	[ ! -e gone ] || fail "removed: gone came back"
done

if [ "$(id -u)" -eq 0 ]; then
	command -v setpriv > /dev/null || skip "root, and no setpriv to become nobody"
	chmod 711 . || fail "chmod ."
	chmod 755 plain prog
	chmod 666 plain.* prog.*
fi
mkdir ro
chmod 555 ro
asnobody sh -c 'exit 0' > /dev/null 2>&1 || skip "cannot run a program as nobody here"
if (cd ro && asnobody sh -c ': > x' 2> /dev/null); then
	skip "cannot make an unwritable directory here"
fi
for i in 1 2 3 4 5; do
	(cd ro && asnobody "$top/plain" > "$top/plain.out" 2> "$top/plain.err"; echo $? > "$top/plain.rc")
	(cd ro && asnobody "$top/prog" > "$top/prog.out" 2> "$top/prog.err"; echo $? > "$top/prog.rc")
	alike 7
	oneline "read-only"
	grep -q '[Pp]ermission denied' prog.err || fail "read-only: stderr: $(cat prog.err)"
	[ -z "$(ls -A ro)" ] || fail "read-only: left in ro: $(ls -A ro)"
done
