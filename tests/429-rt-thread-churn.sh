# Thread churn (tests/progs/churn.c): 20000 threads one after another,
# half of them ending with pthread_exit from 3 calls deep. Counts and tree
# are exact (a thread's calls never land under those of an ended one),
# and the runtime's memory is that of the threads alive at once: the
# peak resident size is within 64 MB of the unprofiled program's.
. "$TOP/tests/lib.sh"

plaincc plain "$TOP/tests/progs/churn.c"
./plain > want.out 2> want.err || fail "unprofiled: exit $?"
rtcc churn "$TOP/tests/progs/churn.c"
./churn > out 2> err || fail "exit $?"
same "output" want.out out
p=$(profile)
printf 'deep 30000\nf 10000\nmain 1\ntf 20000\n' > want.flat
calls churn "$p" > got.flat
same "calls" want.flat got.flat
tree > want.d <<'E'
0 main 1
0 tf 20000
1 f 10000
1 deep 10000
2 deep 10000
3 ...
E
graph churn "$p" > got.d
same "prof -d" want.d got.d
tree > want.r <<'E'
0 main 1
0 tf 20000
1 f 10000
1 deep 10000
2 deep 10000
3 deep 10000
E
graph -r churn "$p" > got.r
same "prof -dr" want.r got.r
plain=$(sed -n 's/^peak //p' want.err)
prof=$(sed -n 's/^peak //p' err)
echo "peak resident size: $plain kB unprofiled, $prof kB profiled"
[ "$prof" -lt $((plain + 65536)) ] || fail "peak resident size $prof kB, unprofiled $plain kB"
