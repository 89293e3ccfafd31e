# 64 threads each recursing 3000 deep and starting and joining threads
# from 7 levels of the recursion (tests/progs/stress-threads.c), with
# profsize=5000 (a worker's tree holds 3009 nodes, and a kid may take it
# over): the output and exit status are those of the unprofiled build,
# and the counts and the whole tree, worked out in the program's comment,
# are exact: no call lost or put under another thread's frames.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/stress-lib.sh"

both "$TOP/tests/progs/stress-threads.c"
run plain ./plain
profsize=5000 run prog ./prog
alike 3
[ ! -s prog.err ] || fail "stderr: $(cat prog.err)"
p=$(profile)
printf 'kid 1792\nkidrec 37632\nmain 1\nrec 768256\nspawn 1792\nworker 64\n' > want.flat
calls prog "$p" > got.flat
same "calls" want.flat got.flat
awk 'BEGIN {
	print 0, "main", 1
	print 0, "worker", 64
	for(n = 3000; n >= 0; n--){
		print 3001 - n, "rec", 256
		if(n % 500 == 0)
			print 3002 - n, "spawn", 256
	}
	print 0, "kid", 1792
	for(d = 1; d <= 21; d++)
		print d, "kidrec", 1792
}' | LC_ALL=C sort > want.r
levels prog "$p" > got.r
same "tree (prof -dr, by depth)" want.r got.r
