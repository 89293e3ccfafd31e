# C++ names are shown demangled, through the C++ runtime's __cxa_demangle
# loaded at run time (the tools do not link libstdc++): prof's flat report
# and -d graph of tests/progs/klass.cc, whose calls and mangled names are
# known by construction (its opening comment; nm and c++filt agree). With
# libstdc++.so.6 out of reach (a private mount namespace puts /dev/null
# over it), the mangled names are shown as they are.
. "$TOP/tests/lib.sh"

command -v g++ >/dev/null 2>&1 || skip "g++ not found (apt-get install g++)"
readelf -d "$B/prof" | grep -q 'NEEDED.*libstdc++' && fail "prof links libstdc++"

CC=g++ rtcc klass "$TOP/tests/progs/klass.cc"
./klass || fail "klass exit $?"
p=$(profile)

# "mangled demangled calls", tab-separated, from the program's comment
sed -n 's/^\/\/\t\([^\t]*\)\t\t*\([^\t]*\)\t\t*\([0-9]*\)$/\1\t\2\t\3/p' "$TOP/tests/progs/klass.cc" > table
[ "$(wc -l < table)" -eq 5 ] || { cat table; fail "the table of klass.cc's comment"; }
for m in $(cut -f1 table); do
	nm klass | grep -q " [TW] $m\$" || fail "nm: $m is not a function of klass"
done
if command -v c++filt >/dev/null 2>&1; then
	cut -f1 table | c++filt > filt
	cut -f2 table > hand
	same "c++filt against the hand-worked names" hand filt
fi
awk -F'\t' '{ print $2, $3 }' table | LC_ALL=C sort > want
calls klass "$p" > got
same "prof, demangled" want got
$PROF -d klass "$p" > graph.out 2>/dev/null || fail "prof -d: exit $?"
grep -q '^\. ns::Klass::method(int):[0-9]*/3$' graph.out || { cat graph.out; fail "prof -d: no ns::Klass::method(int) called 3 times"; }
grep -q '^\. long add<long>(long, long):[0-9]*$' graph.out || { cat graph.out; fail "prof -d: no long add<long>(long, long)"; }
echo "ok demangled: $(tr '\n' ';' < got)"

# without the C++ runtime
libs=
for l in $(ldconfig -p 2>/dev/null | awk '$1 == "libstdc++.so.6" { print $NF }'); do
	libs="$libs $(readlink -f "$l")"
done
if [ "$(id -u)" -ne 0 ] || [ -z "$libs" ] || ! command -v unshare >/dev/null 2>&1; then
	skip "not root, or no unshare or libstdc++.so.6: the fallback is not checked; demangling passed"
fi
if ldd "$B/prof" | grep -q libstdc++; then
	# the sanitizers' runtime loads libstdc++: the plain build's run checks the fallback
	echo "prof needs libstdc++ through another library (sanitizers): the fallback is checked by the plain build"
	exit 0
fi
awk -F'\t' '{ print $1, $3 }' table | LC_ALL=C sort > want.raw
# every libstdc++.so.6 ldconfig knows (x86-64, x32, i386) covered; not
# under valgrind: glibc's failed dlopen leaks a block of its own
unshare -m sh -c 'for l in $1; do mount --bind /dev/null "$l" || exit 1; done; shift; exec "$@"' sh "$libs" \
	"$B/prof" klass "$p" > calls.out 2>calls.err || {
	cat calls.err
	skip "unshare -m with a bind mount failed here: the fallback is not checked; demangling passed"
}
sed 1d calls.out | awk -F'\t' '{ n = split($1, f, " "); print $2, f[n] }' | LC_ALL=C sort > got.raw
same "prof without libstdc++: mangled names as they are" want.raw got.raw
echo "ok mangled: $(tr '\n' ';' < got.raw)"
exit 0
