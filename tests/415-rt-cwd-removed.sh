# The current directory has been removed (no file can be made in it, even
# by root): the program's output and exit status are those of the
# unprofiled build, and its stderr is one line from the runtime naming
# prof.<pid>.
. "$TOP/tests/lib.sh"

src=$TOP/tests/progs/paths.c
top=$(pwd)
plaincc plain "$src"
rtcc paths "$src"
mkdir gone || fail "mkdir"
(cd gone && rmdir "$top/gone" && "$top/plain" > "$top/want.out" 2> "$top/want.err"; echo $? > "$top/want.rc")
mkdir gone || fail "mkdir"
(cd gone && rmdir "$top/gone" && "$top/paths" > "$top/out" 2> "$top/err"; echo $? > "$top/rc")
[ "$(cat want.rc)" -eq 7 ] || fail "unprofiled: exit $(cat want.rc)"
[ "$(cat rc)" -eq 7 ] || fail "exit $(cat rc), want 7"
same "program output" want.out out
[ ! -s want.err ] || fail "unprofiled stderr: $(cat want.err)"
[ "$(wc -l < err)" -eq 1 ] || { cat err; fail "want one line on stderr"; }
grep -Eq '^prof: prof\.[0-9]+: ' err || fail "stderr: $(cat err)"
[ ! -e gone ] || fail "gone came back"
