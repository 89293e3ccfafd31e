# Shared objects the loader knows by a relative name (dlopen("./plug.so");
# a library found through LD_LIBRARY_PATH=.): the profile records where
# they really are, so prof run from another directory still names their
# functions.
. "$TOP/tests/lib.sh"

mkdir run
${CC:-cc} -O0 -shared -fPIC -finstrument-functions -o run/plug.so "$TOP/tests/progs/plug.c" || fail "cc plug.so"
cp run/plug.so run/libplug.so
rtcc run/host "$TOP/tests/progs/host.c" -rdynamic
rtcc run/linked "$TOP/tests/progs/linked.c" -Lrun -lplug -rdynamic
printf 'local 1\nmain 1\nplugfn 2\nplughelper 10\n' > want.flat
tree > want.d <<'E'
0 main 1
1 plugfn 2
2 plughelper 10
1 local 1
E
(cd run && ./host ./plug.so > out) || fail "host: exit $?"
mv run/prof.[0-9]* host.prof || fail "host: no profile"
(cd run && LD_LIBRARY_PATH=. ./linked > out2) || fail "linked: exit $?"
mv run/prof.[0-9]* linked.prof || fail "linked: no profile"
[ "$(cat run/out)" = 10 ] && [ "$(cat run/out2)" = 10 ] || fail "output $(cat run/out) $(cat run/out2)"
for h in host linked; do
	calls run/$h $h.prof > got.flat
	same "$h: calls" want.flat got.flat
	graph run/$h $h.prof > got.d
	same "$h: prof -d" want.d got.d
done
