# An object unloaded by dlclose, then another loaded at its addresses
# (tests/progs/dlreuse.c): the one loaded when the profile is written keeps
# its names (prof names a pc by address, so the unloaded one is left out
# of the module table where they overlap: its calls show as addresses).
# By construction main 1, afar 1 (or its address), bfn 2, no pad routine.
# Both runtimes.
. "$TOP/tests/lib.sh"

for o in big small; do
	${CC:-cc} -O0 -shared -fPIC -finstrument-functions -o $o.so "$TOP/tests/progs/dlreuse-$o.c" || fail "cc $o.so"
done
rtcc prog "$TOP/tests/progs/dlreuse.c" -rdynamic
${CC:-cc} -O0 -finstrument-functions -o progso "$TOP/tests/progs/dlreuse.c" \
	-L"$B" -Wl,-rpath,"$B" -lprof -ldl || fail "cc progso"
for p in prog progso; do
	rm -f prof.*
	./$p "$(pwd)/big.so" "$(pwd)/small.so" > out || fail "$p: exit $?"
	echo "$p: $(cat out)"
	calls $p "$(profile)" > got
	grep -qx 'bfn 2' got || { cat got; fail "$p: want bfn 2"; }
	grep -q '^pad' got && { cat got; fail "$p: a pad routine named"; }
	if [ "$(cat out)" = "other base" ]; then
		grep -qx 'afar 1' got || { cat got; fail "$p: want afar 1 (loaded elsewhere)"; }
	fi
done
exit 0
