# An exec chain (tests/progs/stress-exec.c): a profiled program runs 16
# more images of itself, each exec'ing the next in place (from main or
# from a second thread) or in a forked child, with another thread's call
# active at each exec and at the final exit(). The output and exit status
# are those of the unprofiled build; each of the 17 images left its own
# profile (written just before its exec, or at exit), with its own calls
# exactly as the program's comment works them out, and no other.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/stress-lib.sh"

both "$TOP/tests/progs/stress-exec.c"
run plain timeout 60 ./plain 16 plain.side
run prog timeout 60 ./prog 16 prog.side
alike 5
[ "$(head -n 1 prog.out)" = "stage 16" ] && [ "$(wc -l < prog.out)" -eq 26 ] || fail "output $(cat prog.out)"
[ "$(wc -l < prog.side)" -eq 17 ] || fail "side file: $(cat prog.side)"
[ "$(ls stage.* prof.* | wc -l)" -eq 17 ] || fail "want 17 profiles, have: $(ls stage.* prof.*)"
while read pid k; do
	if [ $((k % 2)) -eq 1 ]; then
		p=stage.$k	# written before exec'ing stage k - 1 in place
	else
		p=prof.$pid	# written at exit (the last image of its pid)
	fi
	[ -f "$p" ] || fail "stage $k: no $p"
	{
		echo "helper 1"
		echo "leaf $((k + 3))"
		echo "main 1"
		[ $k -gt 0 ] && echo "next 1" && echo "work $k"
		[ $((k % 4)) -eq 3 ] && echo "execthr 1"
	} | LC_ALL=C sort > want.flat
	calls prog "$p" > got.flat
	same "stage $k ($p): calls" want.flat got.flat
done < prog.side
