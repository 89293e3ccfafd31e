# exec (tests/progs/exec.c): prof.<pid>.1 is written just before a successful
# exec*() replaces the image (the pid stays the same), through each of the
# eight exec functions, and prof reads it with the counts of the calls made
# before the exec. A failed exec goes on profiling: its file is removed,
# the one written at exit (prof.<pid>) has the later calls too, and the
# exit status is the program's.
. "$TOP/tests/lib.sh"

rtcc exec "$TOP/tests/progs/exec.c"
cat > want.flat <<'E'
doexec 1
main 1
work 3
E
for how in execv execve execvp execvpe execl execle execlp fexecve; do
	rm -f prof.*
	./exec $how > out || fail "$how: exit $? (want /bin/true's 0)"
	[ "$(wc -l < out)" -eq 1 ] || fail "$how: output $(cat out)"
	pid=$(cat out)
	[ -f prof.$pid.1 ] || fail "$how: no prof.$pid.1; have $(ls)"
	calls exec prof.$pid.1 > got.flat
	same "$how: calls" want.flat got.flat
done

rm -f prof.*
./exec bad > out
rc=$?
[ $rc -eq 5 ] || fail "failed exec: exit $rc, want 5"
[ "$(sed -n 2p out)" = "exec failed" ] || fail "failed exec: output $(cat out)"
p=$(profile)
[ "$p" = "prof.$(sed -n 1p out)" ] || fail "failed exec: profile $p"
{ echo "after 1"; cat want.flat; } | LC_ALL=C sort > want2.flat
calls exec "$p" > got.flat
same "failed exec: calls at exit" want2.flat got.flat
