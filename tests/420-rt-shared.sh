# The shared runtime, libprof.so: it exports only prof, the two hooks and
# the wrappers of exec, dlclose, sigaction, signal, ssignal, sigset and
# siginterrupt, of the sigwait family and sigpending, and of ucontext
# (nm -D --defined-only); programs linked with -lprof are profiled like
# those linked with libprof.a: threads
# (tests/progs/threads.c) and the flush before exec (tests/progs/exec.c).
. "$TOP/tests/lib.sh"

nm -D --defined-only "$B/libprof.so" | awk '{ print $NF }' | LC_ALL=C sort > got.syms
printf '%s\n' prof __cyg_profile_func_enter __cyg_profile_func_exit \
	execve execv execvp execvpe fexecve execl execlp execle dlclose \
	sigaction signal bsd_signal sysv_signal __sysv_signal ssignal sigset siginterrupt \
	sigwait sigwaitinfo sigtimedwait signalfd sigpending \
	makecontext swapcontext setcontext | LC_ALL=C sort > want.syms
same "libprof.so's exports" want.syms got.syms

sharedcc()
{
	${CC:-cc} -O0 -I"$TOP/include" -finstrument-functions -o "$1" "$2" \
		-L"$B" -Wl,-rpath,"$B" -lprof -lpthread || fail "cc -lprof $2"
}
sharedcc threads "$TOP/tests/progs/threads.c"
sharedcc exec "$TOP/tests/progs/exec.c"
ldd threads | grep -q "$B/libprof.so" || fail "threads does not use $B/libprof.so: $(ldd threads)"
nm threads | grep -q ' T __cyg_profile_func_enter$' && fail "threads has the static runtime"

./threads > out || fail "threads: exit $?"
[ "$(cat out)" = 160000 ] || fail "threads: output $(cat out)"
printf 'f 160000\ng 160000\nmain 1\ntfn 16\n' > want.flat
calls threads "$(profile)" > got.flat
same "threads: calls" want.flat got.flat

rm -f prof.*
./exec execl > out || fail "exec: exit $?"
[ -f prof.$(cat out).1 ] || fail "exec: no prof.$(cat out).1"
printf 'doexec 1\nmain 1\nwork 3\n' > want.flat
calls exec prof.$(cat out).1 > got.flat
same "exec: calls" want.flat got.flat
