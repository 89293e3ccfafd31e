# gprof as the oracle: tests/progs/calls.c built with gcc -pg and run gives
# gprof's call counts; built with -finstrument-functions and run gives
# prof's. For every function gprof reports, the counts are equal (gprof's
# call graph, "called" or "called+self": its flat profile leaves out
# recursive calls). Then every function gprof reports is one of prof's,
# and prof reports no function gprof does not but main (which gprof does
# not count: its caller, libc, is not compiled with -pg).
. "$TOP/tests/lib.sh"
command -v gcc > /dev/null || skip "no gcc"
command -v gprof > /dev/null || skip "no gprof"

src=$TOP/tests/progs/calls.c
echo "6765 0 1498500 500 10" > want.out

mkdir pg
gcc -O0 -pg -o pg/calls "$src" || fail "gcc -pg"
(cd pg && ./calls > ../pg.out) || fail "gprof build: exit $?"
same "program output (-pg)" want.out pg.out
[ -s pg/gmon.out ] || skip "gcc -pg wrote no gmon.out"
gprof -b -q pg/calls pg/gmon.out > pg.graph || fail "gprof: exit $?"
# primary lines: [index] %time self children called name [index]
awk '/^\[[0-9]+\]/ && !/as a whole/ && $5 ~ /^[0-9]+(\+[0-9]+)?$/ {
	split($5, c, "+"); print $6, c[1] + c[2] }' pg.graph | LC_ALL=C sort > gprof.calls
[ "$(wc -l < gprof.calls)" -ge 10 ] || { cat pg.graph; fail "gprof reports fewer than 10 functions"; }

CC=gcc rtcc calls "$src"
./calls > out || fail "profiled: exit $?"
same "program output" want.out out
calls calls "$(profile)" > prof.calls

# every function gprof reports, with prof's count
awk 'NR == FNR { n[$1] = $2; next } { print $1, ($1 in n) ? n[$1] : "missing" }' \
	prof.calls gprof.calls > prof.gcalls
same "prof's calls vs gprof's (- gprof, + prof)" gprof.calls prof.gcalls
# and prof has nothing more but main
awk 'NR == FNR { n[$1]; next } !($1 in n) { print $1 }' gprof.calls prof.calls > extra
echo main > want.extra
same "functions prof reports beyond gprof's" want.extra extra
