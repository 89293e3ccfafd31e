# Frames of 4 KB, 64 KB and 1 MB, and copies of a return address left in
# a frame (tests/progs/frames.c): the runtime finds each call's frame by
# the unwind tables, exactly, not by searching the stack for the return
# address (which took a big frame's callees for its siblings, with no
# time for it, and a stale copy for the real return address). Counts and
# the full tree by construction, with gcc and clang at -O0 and -O2,
# dynamic, static (no eh_frame_hdr there: .eh_frame is indexed) and
# without unwind tables (frames guessed, matched at exit by function:
# with gcc -O2 the exits tail-jumped to left every frame open); in
# elapsed time each big function holds its 1000 leaf calls' time (they
# burn the CPU; the old search gave the big function 0 ms and its leaves
# to its caller). uftrace is not the oracle: the tree is known.
. "$TOP/tests/lib.sh"

{
	echo "0 main 1"
	echo "1 big4k 1"
	echo "2 leaf 1000"
	echo "1 big64k 1"
	echo "2 leaf 1000"
	echo "1 mid 2"
	echo "2 host 1"
	echo "3 inl 1"
	echo "4 leaf 1"
	echo "2 mid 1"
	echo "3 plant 1"
	echo "3 host 1"
	echo "4 inl 1"
	echo "5 leaf 1"
	echo "0 thread 1"
	echo "1 big1m 1"
	echo "2 leaf 1000"
} | tree > want.r
n=0
for cc in gcc clang; do
	command -v $cc > /dev/null || continue
	for opt in -O0 -O2; do
	for link in -dynamic -static -nounwind; do
		n=$((n + 1))
		rm -f prof.*
		if [ $link = -static ]; then
			CC=$cc RTOPT=$opt rtcc frames "$TOP/tests/progs/frames.c" -I"$TOP/tests/progs" -static 2> cc.err || continue
		elif [ $link = -nounwind ]; then
			CC=$cc RTOPT=$opt rtcc frames "$TOP/tests/progs/frames.c" -I"$TOP/tests/progs" -fno-asynchronous-unwind-tables -fno-exceptions
		else
			CC=$cc RTOPT=$opt rtcc frames "$TOP/tests/progs/frames.c" -I"$TOP/tests/progs"
		fi
		proftype=elapsed ./frames > out 2> err || fail "$cc $opt $link: exit $?"
		[ "$(cat out)" = done ] || fail "$cc $opt: output $(cat out)"
		[ ! -s err ] || fail "$cc $opt: stderr $(cat err)"
		p=$(profile)
		graph -r frames "$p" > got.r
		same "$cc $opt $link: prof -dr" want.r got.r
		tabstop=1 $PROF -dr frames "$p" > times 2> /dev/null || fail "prof -dr: exit $?"
		# big's ms (line i) and its leaves' (line i+1): leaves > 0, big >= leaves
		for big in big4k big64k big1m; do
			awk -v b="$big" '
				$0 ~ "^[.\t ]*" b ":" { split($0, f, ":"); bt = f[2] + 0; getline; split($0, g, ":"); lt = g[2] + 0
					if(lt < 1 || bt < lt) { print b, bt, "ms, its leaves", lt, "ms"; exit 1 } ok = 1 }
				END { if(!ok) exit 1 }' times || fail "$cc $opt $link: $big's time: $(cat times)"
		done
	done
	done
done
[ $n -gt 0 ] || skip "neither gcc nor clang"
