# longjmp out of deep recursion 12000 times in 4 threads at once
# (tests/progs/stress-longjmp.c), to the thread's entry and to frames
# half-way down, and through a signal handler: the output and exit status
# are those of the unprofiled build, and the calls and the whole tree are
# exact (worked out below from the program's rounds, as its comment
# says): every call made after a jump lands under its real caller, also
# when, after a jump to a frame half-way down, rec's next call has a
# bigger frame than the chain of dive calls left (they ended higher on
# the stack than its frame).
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/stress-lib.sh"

both "$TOP/tests/progs/stress-longjmp.c"
run plain ./plain
run prog ./prog
alike 0
[ ! -s prog.err ] || fail "stderr: $(cat prog.err)"
p=$(profile)
awk 'BEGIN {
	for(t = 0; t < 4; t++)
		for(i = 0; i < 3000; i++){
			d = (i * 37 + t * 11) % 400 + 1
			rounds[d]++
			if(i % 100 == 0)
				usr1[d + 2]++
		}
	print 0, "main", 1
	print 0, "worker", 4
	print 1, "after", 12000
	for(j = 1; j <= 401; j++){
		n = 0
		for(d = j - 1; d <= 400; d++)
			n += rounds[d]
		if(n > 0)
			print j, "rec", n
		if(j % 64 == 0){
			n -= rounds[j - 1]
			for(m = 1; m <= 9; m++)
				print j + m, "dive", n
		}
	}
	for(j in usr1)
		print j, "onusr1", usr1[j]
}' | LC_ALL=C sort > want.r
awk '{ s[$2] += $3 } END { for(n in s) print n, s[n] }' want.r | LC_ALL=C sort > want.flat
calls prog "$p" > got.flat
same "calls" want.flat got.flat
levels prog "$p" > got.r
same "tree (prof -dr, by depth)" want.r got.r
