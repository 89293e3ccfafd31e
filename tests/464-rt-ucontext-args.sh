# The ucontext wrappers behave as libc's (tests/progs/ucargs.c): start
# functions get their 8 and 40 arguments, errno is kept, setcontext to a
# point getcontext saved (its signal mask restored) goes on there: the
# output is the unprofiled program's, with libprof.a, libprof.so and in a
# static program (where the runtime has its own functions, libc's being
# left out by the link). The generator of 460 (tests/progs/ucgen.c) with
# libprof.so: its tree as with libprof.a.
. "$TOP/tests/lib.sh"

cat > want <<'E2'
errno after makecontext 42
eight 1
errno after swapcontext 43
forty 1
jumped 1, SIGUSR1 blocked 0
E2
plaincc plain "$TOP/tests/progs/ucargs.c"
./plain > got || fail "unprofiled: exit $?"
same "unprofiled" want got
rtcc ucargs "$TOP/tests/progs/ucargs.c"
./ucargs > got || fail "libprof.a: exit $?"
same "libprof.a" want got
${CC:-cc} -O0 -g -finstrument-functions -o shared "$TOP/tests/progs/ucargs.c" \
	-L"$B" -Wl,-rpath,"$B" -lprof -lpthread || fail "cc -lprof"
./shared > got || fail "libprof.so: exit $?"
same "libprof.so" want got
if rtcc static "$TOP/tests/progs/ucargs.c" -static 2> cc.err; then
	nm static | grep -q ' __swapcontext$' && fail "static: libc's swapcontext linked in after all"
	./static > got || fail "static: exit $?"
	same "static" want got
fi
[ "$(grep -c . prof.*)" != 0 ] || fail "no profile written"

rm -f prof.*
${CC:-cc} -O0 -g -finstrument-functions -o ucgen "$TOP/tests/progs/ucgen.c" \
	-L"$B" -Wl,-rpath,"$B" -lprof -lpthread || fail "cc -lprof ucgen.c"
./ucgen > out || fail "ucgen: exit $?"
tree > want.r <<'E2'
0 main 1
1 resume 1000
1 other 1000
2 burn 1000
0 gen 1
1 step 1000
2 work 1000
3 burn 1000
2 yield 1000
E2
graph -r ucgen "$(profile)" > got.r
same "libprof.so: ucgen's prof -r" want.r got.r
