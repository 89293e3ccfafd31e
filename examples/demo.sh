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

echo
echo "== a Plan 9 program: a 386 8.out and its prof.out"
echo "(both made here by the tests' tools tests/bin/mkaout and mkclassic from the"
echo "description in examples/demo.sh: Plan 9's a.out header and symbol table,"
echo "prof.out's 16-byte big-endian records)"
"$top/$B/tests/mkaout" > 8.out <<'E'
arch 386
entry 0x1020
text 0x80
z 1 1
f 1 walk.c
T 0x1020 main
t 0x1040 walk
L 0x1068 leaf
t 0x1080 helper
T 0x10a0 etext
E
"$top/$B/tests/mkclassic" > prof.out <<'P'
1 - 0 0 100
2 - 0x1020 1 100
4 3 0x1045 3 60
- - 0x1080 2 30
- - 0x1068 7 35
P
show "$top/$B/prof" 8.out prof.out
show env objtype=386 "$top/$B/prof" -d
rm -f 8.out prof.out
