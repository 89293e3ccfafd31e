# A fork storm (tests/progs/stress-fork.c): 4 threads fork 50 children
# each at once while another thread keeps making threads; children exit
# from deep in the stack, fork grandchildren, and 28 of them profile
# themselves with prof(). The output and exit status are those of the
# unprofiled build (every child's exit status as expected), no process
# hangs, the same 28 processes called prof(), each wrote its prof.<pid>
# holding just its own calls (kidfn 1, leaf n), no other process wrote
# one, and the parent's profile has its calls exactly: short_lived and
# tick as often as the program counted.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/stress-lib.sh"

src=$TOP/tests/progs/stress-fork.c
plaincc plain "$src" -DNOPROF
rtcc prog "$src"
run plain timeout 60 ./plain plain.side
run prog timeout 60 ./prog prog.side
alike 0
[ "$(cat prog.out)" = "200 children, 200 as expected" ] || fail "output $(cat prog.out)"
[ "$(wc -l < prog.side)" -eq 28 ] || fail "$(wc -l < prog.side) processes called prof(), want 28"
awk '{ print $2 }' plain.side | sort > want.n
awk '{ print $2 }' prog.side | sort > got.n
same "prof() callers' leaf counts" want.n got.n
[ "$(ls prof.* | wc -l)" -eq 29 ] || fail "$(ls prof.* | wc -l) profiles, want 29"
while read pid n; do
	[ -f prof.$pid ] || fail "no prof.$pid"
	printf 'kidfn 1\nleaf %d\n' $n > want.flat
	calls prog prof.$pid > got.flat
	same "prof.$pid" want.flat got.flat
	rm prof.$pid
done < prog.side
p=$(profile)
t=$(sed -n 's/^ticks //p' prog.err)
printf 'churner 1\nforker 4\nmain 1\nshort_lived %d\nspawn 200\ntick %d\n' "$t" "$t" > want.flat
calls prog "$p" > got.flat
same "the parent's calls" want.flat got.flat
