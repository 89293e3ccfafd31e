# A fully static program (cc -static) with the static runtime: profiled
# as usual, and its exec*() calls work (libc's exec functions cannot be
# found with dlsym there, so the runtime makes the system call itself and
# searches $PATH for execvp, execvpe and execlp): prof.<pid>.1 written
# before the exec (tests/progs/exec.c), and a failed exec goes on; its
# dlclose wrapper calls libc's and the object is unloaded.
. "$TOP/tests/lib.sh"

rtcc exec "$TOP/tests/progs/exec.c" -static 2> cc.err || skip "cannot link a static program: $(tail -n 1 cc.err)"
readelf -l exec | grep -q INTERP && skip "-static made a dynamic program"
printf 'doexec 1\nmain 1\nwork 3\n' > want.flat
for how in execv execve execvp execvpe execl execle execlp fexecve; do
	rm -f prof.*
	./exec $how > out || fail "$how: exit $? (want /bin/true's 0)"
	[ "$(wc -l < out)" -eq 1 ] || fail "$how: output $(cat out)"
	pid=$(cat out)
	[ -f prof.$pid.1 ] || fail "$how: no prof.$pid.1; have $(ls)"
	calls exec prof.$pid.1 > got.flat
	same "$how: calls" want.flat got.flat
done
# execvp's search: a directory without the file, an unreadable path, then the file
rm -f prof.*
PATH=/nonexistent:/etc/passwd:/bin:/usr/bin ./exec execvp > out || fail "execvp, PATH search: exit $?"
[ -f prof.$(cat out).1 ] || fail "execvp, PATH search: no prof.$(cat out).1"
rm -f prof.*
PATH=/nonexistent ./exec execvp > out
[ $? -eq 5 ] || fail "execvp, not found: exit status, want 5"
[ "$(sed -n 2p out)" = "exec failed" ] || fail "execvp, not found: output $(cat out)"
printf 'after 1\ndoexec 1\nmain 1\nwork 3\n' > want.flat
calls exec "$(profile)" > got.flat
same "failed exec: calls at exit" want.flat got.flat
# dlclose: the runtime's wrapper finds libc's in a static program and the
# object is unloaded (tests/progs/host.c checks; an uninstrumented object:
# a static program exports no hooks for it)
${CC:-cc} -O0 -shared -fPIC -o plain.so "$TOP/tests/progs/plug.c" || fail "cc plain.so"
rtcc host "$TOP/tests/progs/host.c" -static 2> cc.err || fail "cc -static host.c: $(tail -n 1 cc.err)"
rm -f prof.*
./host "$(pwd)/plain.so" close > out 2> err || fail "static dlclose: exit $? $(cat err)"
[ "$(cat out)" = 10 ] || fail "static dlclose: output $(cat out)"
printf 'local 1\nmain 1\n' > want.flat
calls host "$(profile)" > got.flat
same "static dlclose: calls" want.flat got.flat
