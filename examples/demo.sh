#!/bin/sh
# The README's main command: build the examples with profiling, run them,
# and show their profiles. Run from the top of the tree as `make demo`.
set -e
B=${B:-build}
top=$(pwd)
out=$top/$B/examples
mkdir -p "$out"
CC=${CC:-cc}
PCFLAGS="-O2 -fno-inline -finstrument-functions"
RT="$top/$B/libprof.a -lpthread -ldl"

show()
{
	echo
	echo "\$ $*"
	"$@"
}

cd "$out"
rm -f prof.*
$CC $PCFLAGS -o queens "$top/examples/queens.c" $RT
$CC $PCFLAGS -o primes "$top/examples/primes.c" $RT
$CC $PCFLAGS -shared -fPIC -o libshapes.so "$top/examples/shapes/shapes.c"
# -rdynamic: the executable's hooks serve the shared library too
$CC $PCFLAGS -rdynamic -o shapes "$top/examples/shapes/main.c" -L. -lshapes -Wl,-rpath,'$ORIGIN' $RT

echo "== queens: recursion (proftype=elapsed)"
show env proftype=elapsed ./queens 9
p=$(ls -t prof.* | head -n 1)
show "$top/$B/prof" queens "$p"
show "$top/$B/prof" -d queens "$p"

echo
echo "== primes: four threads, one merged tree"
show ./primes
p=$(ls -t prof.* | head -n 1)
show "$top/$B/prof" primes "$p"
show "$top/$B/prof" -d primes "$p"

echo
echo "== shapes: an instrumented shared library of its own"
show ./shapes
p=$(ls -t prof.* | head -n 1)
show "$top/$B/prof" shapes "$p"
show "$top/$B/prof" -d shapes "$p"
