# dlopen and dlclose of an instrumented shared object in a loop, 1000
# times from 2 threads at once (tests/progs/stress-dlopen.c, opening
# tests/progs/plug.c), with the static runtime (-rdynamic) and with the
# shared one: the output and exit status are those of the unprofiled
# build (opening an unprofiled build of the object), and the calls and
# tree are exact, and the object's functions named, including the calls
# made while copies of it since unloaded were loaded (the runtime keeps
# their module-table entries).
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/stress-lib.sh"

src=$TOP/tests/progs/stress-dlopen.c
${CC:-cc} -O0 -shared -fPIC -o plain.so "$TOP/tests/progs/plug.c" || fail "cc plain.so"
${CC:-cc} -O0 -shared -fPIC -finstrument-functions -o plug.so "$TOP/tests/progs/plug.c" || fail "cc plug.so"
plaincc plain "$src"
rtcc prog "$src" -rdynamic
${CC:-cc} -O0 -g -finstrument-functions -o progso "$src" -L"$B" -Wl,-rpath,"$B" -lprof -lpthread -ldl ||
	fail "cc progso"
run plain ./plain "$(pwd)/plain.so"
# the tree as "root depth name count", the object's functions summed as
# "plug" at each depth of each root's subtree
cat > want.r <<'E'
main 0 main 1
main 1 plug 1
main 2 plug 3
worker 0 worker 2
worker 1 cycle 1000
worker 2 plug 1000
worker 3 plug 3000
E
for p in prog progso; do
	rm -f prof.*
	run prog ./$p "$(pwd)/plug.so"
	alike 0
	[ "$(cat prog.out)" = 3003 ] || fail "$p: output $(cat prog.out)"
	[ ! -s prog.err ] || fail "$p: stderr $(cat prog.err)"
	levels $p "$(profile)" > /dev/null
	grep -q '#[0-9a-f]' levels.out && { grep '#[0-9a-f]' levels.out | head -5; fail "$p: routines shown as addresses"; }
	awk '{ match($0, /^(\.\t)*/); d = RLENGTH / 2; n = substr($0, RLENGTH + 1)
		c = n; sub(/:.*/, "", n); sub(/^[^:]*:[0-9]*\/?/, "", c); c = c == "" ? 1 : c
		if(d == 0) root = n
		if(n ~ /^(plugfn|plughelper)$/) n = "plug"
		s[root " " d " " n] += c }
		END { for(k in s) print k, s[k] }' levels.out | LC_ALL=C sort > got.r
	same "$p: tree (prof -dr, by depth; the object's functions as plug)" want.r got.r
done
