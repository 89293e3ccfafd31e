# tprof -a charges a sample outside the text to the object mapped at its
# pc when it was taken (issue 16.2): tests/progs/tprof-dlswap.c spins
# 0.4 s of CPU time in liba.so, dlcloses it, loads libb.so at the same
# addresses and spins as long there. By construction each object has
# about half the samples (the rest is the program's own loop and libc);
# a stale mapping would give libb's to liba. Both samplers: perf events
# see the mmap as it happens, the ptrace sampler must read the mappings
# again.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/tprof-lib.sh"

${CC:-cc} -O2 -g -o dlswap "$TOP/tests/progs/tprof-dlswap.c" -ldl || fail "cc tprof-dlswap.c"
${CC:-cc} -O2 -g -shared -fPIC -o liba.so "$TOP/tests/progs/tprof-spin.c" || fail "cc liba.so"
cp liba.so libb.so
./dlswap ./liba.so ./libb.so 0.01 | grep -q '^same base$' || skip "libb.so is not loaded where liba.so was"
for p in "" -p; do
	$TPROF $p -a -c ./dlswap ./liba.so ./libb.so > rep 2>err || { cat err; fail "tprof $p -a: exit $?"; }
	grep -q '^same base$' rep || skip "libb.so was not loaded where liba.so was"
	awk -F'\t' -v t="$(total rep)" -v p="tprof $p" '
		/^outside text/ { out = 1; next }
		out && NF == 4 { if($4 ~ /\/liba\.so$/) a += $1; if($4 ~ /\/libb\.so$/) b += $1 }
		END {
			printf "%s: total %d: liba %d, libb %d\n", p, t, a, b
			if(a < 0.3 * t || b < 0.3 * t) { print "FAIL: want each object >= 30% of the total"; exit 1 }
		}' rep || { cat rep; exit 1; }
done
exit 0
