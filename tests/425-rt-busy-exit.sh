# The profile is written while other threads are still making new call
# paths (tests/progs/walkers.c: 8 threads in random walks of depth 8, each
# thread's tree under its own root tk). prof reads it; main's part is
# exact; and in each thread's tree every node whose every call calls a
# child (walk, and r at depth 3 .. 8) has calls = its children's calls,
# or one more (the call in progress when the profile was written). A node
# that got a new child while the profile was being written must keep its
# older children. Three runs.
. "$TOP/tests/lib.sh"

rtcc walkers "$TOP/tests/progs/walkers.c"
for run in 1 2 3; do
	rm -f prof.*
	profsize=1000000 ./walkers > out 2> err || fail "run $run: exit $?"
	[ "$(cat out)" = ok ] || fail "run $run: output $(cat out)"
	[ ! -s err ] || fail "run $run: stderr $(cat err)"
	p=$(profile)
	calls walkers "$p" > got.flat
	grep -e '^main ' -e '^m ' got.flat > got.main
	printf 'm 5\nmain 1\n' > want.main
	same "run $run: main's calls" want.main got.main
	graph -r walkers "$p" > /dev/null
	# calls less children's calls of each node at depth 2 .. 8 under a tk
	awk '{ match($0, /^[. ]*/); d = RLENGTH / 2; s = substr($0, RLENGTH + 1)
		name = s; sub(/:.*/, "", name)
		c = 1; if(s ~ /\//){ c = s; sub(/.*\//, "", c) }
		while(top > 0 && dep[top] >= d){ check(top); top-- }
		if(top > 0) sum[top] += c
		top++; dep[top] = d; cnt[top] = c; sum[top] = 0; nm[top] = name
		root[top] = d == 0 ? name : root[top - 1]
		n++ }
	END { while(top > 0){ check(top); top-- }
		if(n < 1000) { print "only " n " nodes"; bad = 1 }
		exit bad }
	function check(i) {
		if(root[i] ~ /^t[0-7]$/ && dep[i] >= 2 && dep[i] <= 8 && (cnt[i] - sum[i] < 0 || cnt[i] - sum[i] > 1)){
			print root[i] ": " nm[i] " at depth " dep[i] ": " cnt[i] " calls, its children " sum[i]
			bad = 1
		}
	}' graph.out > bad || { head bad; fail "run $run: calls and children's calls disagree"; }
done
