# The ucontext wrappers behave as libc's (tests/progs/ucargs.c): start
# functions get their 8 and 40 arguments, errno is kept, setcontext to a
# point getcontext saved (its signal mask restored) goes on there: the
# output is the unprofiled program's, with libprof.a, libprof.so and in a
# static program (where the runtime has its own functions, libc's being
# left out by the link). The generator of 460 (tests/progs/ucgen.c) with
# libprof.so: its tree as with libprof.a. A switch takes no loader lock
# (tests/progs/ucloader.c): while another thread's dlopen runs a
# constructor (tests/progs/slowinit.c) that holds the loader's lock until
# main has made 100 switches to a coroutine and back, main switches on as
# unprofiled ("switches 100", exit 0), with libprof.a and libprof.so, in
# user and sample mode. Before, the wrappers looked libc's functions up
# by dlsym at every switch, which waited for that lock: the program hung.
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
same "libprof.so: ucgen's prof -dr" want.r got.r

src=$TOP/tests/progs/ucloader.c
${CC:-cc} -shared -fPIC -o slowinit.so "$TOP/tests/progs/slowinit.c" || fail "cc slowinit.so"
plaincc plainload "$src"
rtcc archive "$src"
${CC:-cc} -O0 -g -finstrument-functions -o sharedload "$src" \
	-L"$B" -Wl,-rpath,"$B" -lprof -lpthread -ldl || fail "cc -lprof ucloader.c"
timeout 10 ./plainload ./slowinit.so > want.out || fail "loader, unprofiled: exit $?"
[ "$(cat want.out)" = "switches 100" ] || fail "loader, unprofiled: $(cat want.out)"
for p in archive sharedload; do
	for t in user sample; do
		rm -f prof.*
		proftype=$t timeout 10 ./$p ./slowinit.so > got.out 2> err || fail "loader, $p, $t: exit $?"
		same "loader, $p, $t: output" want.out got.out
		[ ! -s err ] || fail "loader, $p, $t: stderr $(cat err)"
		printf 'co 1\nmain 1\nopener 1\nstep 100\n' > want.flat
		calls $p "$(profile)" > got.flat
		same "loader, $p, $t: calls" want.flat got.flat
	done
done
