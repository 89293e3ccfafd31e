# prof() in a forked child measures the child's own threads' time
# (tests/progs/profchild.c sleep TYPE): fn calls nap, which sleeps 200 ms.
# Generous bounds: under user, kernel and sample nap shows < 50 ms (a
# sleep uses no CPU); under elapsed >= 150 ms and < 1000 ms. (The child
# must set up its own clock: the parent's perf page is not mapped in a
# child, and interval timers are not inherited.)
. "$TOP/tests/lib.sh"

rtcc profchild "$TOP/tests/progs/profchild.c"
for type in user kernel sample elapsed; do
	rm -f prof.*
	./profchild sleep $type > out || fail "$type: exit $?"
	[ "$(sed -n 3p out)" = "status 0" ] || fail "$type: child: $(sed -n 3p out)"
	child=$(sed -n 's/^child //p' out)
	[ -f "prof.$child" ] || fail "$type: no prof.$child"
	graph profchild prof.$child > got.d
	printf '0 fn 1\n1 nap 1\n' | tree > want.d
	same "$type: child's tree" want.d got.d
	ms=$(msof nap)
	case $type in
	elapsed)
		[ "$ms" -ge 150 ] && [ "$ms" -lt 1000 ] || fail "$type: nap took $ms ms, want 150 to 1000";;
	*)
		[ "$ms" -lt 50 ] || fail "$type: nap took $ms ms, want < 50";;
	esac
done
