# exit() from 5000 calls deep, by main or by another thread, while 8
# threads are 2000 to 2700 calls deep, blocked (tests/progs/stress-exit.c,
# profsize=10000): the output (flushed at exit) and exit status are those
# of the unprofiled build, and the profile has every call still active,
# in every thread, with the counts and tree the program's comment works
# out.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/stress-lib.sh"

both "$TOP/tests/progs/stress-exit.c"
for how in main thread; do
	rm -f prof.*
	run plain timeout 20 ./plain $how
	profsize=10000 run prog timeout 20 ./prog $how
	alike 7
	[ "$(cat prog.out)" = "$(printf '18800\nbye')" ] || fail "$how: output $(cat prog.out)"
	[ ! -s prog.err ] || fail "$how: stderr $(cat prog.err)"
	p=$(profile)
	awk -v how=$how 'BEGIN {
		print 0, "main", 1
		print 0, "holder", 8
		for(d = 1; d <= 2701; d++){
			n = 0
			for(t = 0; t < 8; t++)
				if(2001 + 100 * t >= d)
					n++
			print d, "hold", n
		}
		if(how == "thread")
			print 0, "leaver", 1
		for(d = 1; d <= 5001; d++)
			print d, "down", 1
	}' | LC_ALL=C sort > want.r
	awk '{ s[$2] += $3 } END { for(n in s) print n, s[n] }' want.r | LC_ALL=C sort > want.flat
	calls prog "$p" > got.flat
	same "$how: calls" want.flat got.flat
	levels prog "$p" > got.r
	same "$how: tree (prof -dr, by depth)" want.r got.r
done
