# fork while 12 threads run, then 16 new threads in the child, which calls
# prof() (tests/progs/forkthreads.c): a running thread's tree is in its
# TLS, so in the child the gone threads' trees must come back to the
# registry before glibc frees or reuses their stacks. The child exits 0
# (it died of SIGSEGV in the dump, or counted a tree twice: child 2,
# work 2000 with one thread) and its profile is exact: run 1, child 16,
# work 16000 under child, nothing of the parent's threads.
. "$TOP/tests/lib.sh"

rtcc forkthreads "$TOP/tests/progs/forkthreads.c"
./forkthreads > out 2> err
rc=$?
[ $rc -eq 0 ] || { cat out err; fail "exit $rc"; }
[ "$(ls prof.* | wc -l)" -eq 2 ] || fail "profiles: $(ls prof.*), want the parent's and the child's"
found=0
for p in prof.*; do
	calls forkthreads "$p" > got.flat
	grep -q '^main ' got.flat && continue	# the parent's
	found=1
	printf 'child 16\nrun 1\nwork 16000\n' > want.flat
	same "$p: calls" want.flat got.flat
	graph -r forkthreads "$p" > got.d
	tree > want.d <<'E'
0 run 1
0 child 16
1 work 16000
E
	LC_ALL=C sort want.d > a; LC_ALL=C sort got.d > b
	same "$p: tree" a b
done
[ $found = 1 ] || fail "no child profile"
exit 0
