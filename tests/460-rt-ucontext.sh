# A generator coroutine made by makecontext and resumed by swapcontext
# (tests/progs/ucgen.c): its calls are under its start function gen, a
# path of its own, and keep their frames while main runs (step and
# yield, switched out, go on when resumed); main's calls are under
# main. Counts, by construction and as the program counts them, and the
# full tree, with gcc and clang at -O0 and -O2, dynamic and static. Times
# (each of work and other burns 100 ms of CPU): a frame's time is that
# of its own context running, so resume and yield, switched out while the
# other side works, have almost none, and gen has work's, not main's.
. "$TOP/tests/lib.sh"

printf 'gen 1\nmain 1\nother 1000\nresume 1000\nstep 1000\nwork 1000\nyield 1000\n' > want.flat
tree > want.r <<'E2'
0 main 1
1 resume 1000
1 other 1000
0 gen 1
1 step 1000
2 work 1000
2 yield 1000
E2
n=0
for cc in gcc clang; do
	command -v $cc > /dev/null || continue
	for opt in -O0 -O2; do
		for link in dynamic static; do
			n=$((n + 1))
			rm -f prof.*
			if [ $link = static ]; then
				CC=$cc RTOPT=$opt rtcc ucgen "$TOP/tests/progs/ucgen.c" -static 2> cc.err || continue
			else
				CC=$cc RTOPT=$opt rtcc ucgen "$TOP/tests/progs/ucgen.c"
			fi
			./ucgen > out || fail "$cc $opt $link: exit $?"
			tr ' ' '\n' < out | paste -d ' ' - - > got.own
			same "$cc $opt $link: the program's own counts" want.flat got.own
			p=$(profile)
			calls ucgen "$p" | grep -v '^burn ' > got.flat
			same "$cc $opt $link: calls" want.flat got.flat
			graph -r ucgen "$p" | grep -v 'burn' > got.r
			same "$cc $opt $link: prof -dr" want.r got.r
		done
	done
done
[ $n -gt 0 ] || skip "neither gcc nor clang"

# times: 100 us of CPU per call of work and of other
rtcc ucgen "$TOP/tests/progs/ucgen.c"
for type in user elapsed; do
	rm -f prof.*
	proftype=$type ./ucgen 100 > out || fail "$type: exit $?"
	$PROF -d ucgen "$(profile)" > graph.out 2> /dev/null || fail "$type: prof -d"
	work=$(msof work) other=$(msof other) resume=$(msof resume) yield=$(msof yield)
	gen=$(msof gen) main=$(msof main)
	[ "$work" -ge 80 ] && [ "$other" -ge 80 ] || fail "$type: work ${work} ms, other ${other} ms: want 100 each"
	[ $((10 * resume)) -lt "$work" ] || fail "$type: resume ${resume} ms: the coroutine's time (work ${work} ms)"
	[ $((10 * yield)) -lt "$other" ] || fail "$type: yield ${yield} ms: main's time (other ${other} ms)"
	[ "$gen" -lt $((work + other / 2)) ] || fail "$type: gen ${gen} ms holds main's (work ${work}, other ${other})"
	[ "$main" -lt $((other + work / 2)) ] || fail "$type: main ${main} ms holds the coroutine's (work ${work}, other ${other})"
	[ "$gen" -ge "$work" ] || fail "$type: gen ${gen} ms < work ${work} ms"
done
