# A coroutine switched to from another thread (tests/progs/ucthread.c):
# made and resumed by main, then resumed by a second thread, then by main
# again. Its switched-out frames (gen, step, yield) go on in the thread
# that resumes it: there the same path is found in that thread's tree,
# so the merged tree has every call of the coroutine under gen, and each
# thread's own calls under its start function. Counts by construction and
# as the program counts them, in every proftype.
. "$TOP/tests/lib.sh"

printf 'gen 1\nmain 1\nresume 300\nstep 300\ntfn 1\nwork 300\nyield 300\n' > want.flat
tree > want.r <<'E2'
0 main 1
1 resume 200
0 gen 1
1 step 300
2 work 300
2 yield 300
0 tfn 1
1 resume 100
E2
rtcc ucthread "$TOP/tests/progs/ucthread.c"
for type in user kernel elapsed sample; do
	rm -f prof.*
	proftype=$type ./ucthread > out || fail "$type: exit $?"
	tr ' ' '\n' < out | paste -d ' ' - - > got.own
	same "$type: the program's own counts" want.flat got.own
	p=$(profile)
	calls ucthread "$p" > got.flat
	same "$type: calls" want.flat got.flat
	graph -r ucthread "$p" > got.r
	same "$type: prof -dr" want.r got.r
done
