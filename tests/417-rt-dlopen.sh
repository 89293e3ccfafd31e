# dlopen of an instrumented shared object of our own (tests/progs/plug.c,
# opened by tests/progs/host.c): its functions are named in prof's output,
# through the module table and the object's load bias. With the static
# runtime (-rdynamic, so the object's hook calls bind to it) and with the
# shared one. An object dlclosed before the profile is written is named
# all the same: the runtime keeps its module-table entry.
. "$TOP/tests/lib.sh"

${CC:-cc} -O0 -shared -fPIC -finstrument-functions -o plug.so "$TOP/tests/progs/plug.c" || fail "cc plug.so"
rtcc host "$TOP/tests/progs/host.c" -rdynamic
${CC:-cc} -O0 -finstrument-functions -o hostso "$TOP/tests/progs/host.c" \
	-L"$B" -Wl,-rpath,"$B" -lprof -ldl || fail "cc hostso"
printf 'local 1\nmain 1\nplugfn 2\nplughelper 10\n' > want.flat
tree > want.d <<'E'
0 main 1
1 plugfn 2
2 plughelper 10
1 local 1
E
# the object loaded when the profile is written, and unloaded by dlclose
# before: named all the same (both runtimes wrap dlclose)
for close in "" close; do
	for h in host hostso; do
		rm -f prof.*
		./$h "$(pwd)/plug.so" $close > out || fail "$h $close: exit $?"
		[ "$(cat out)" = 10 ] || fail "$h $close: output $(cat out)"
		p=$(profile)
		calls $h "$p" > got.flat
		same "$h $close: calls" want.flat got.flat
		graph $h "$p" > got.d
		same "$h $close: prof -d" want.d got.d
	done
done
# unloaded, opened by a relative name (./plug.so): named from elsewhere too
rm -f prof.*
./host ./plug.so close > out || fail "./plug.so close: exit $?"
p=$(profile)
mkdir -p elsewhere
(cd elsewhere && calls ../host "../$p") > got.flat
same "./plug.so close, prof run elsewhere: calls" want.flat got.flat
