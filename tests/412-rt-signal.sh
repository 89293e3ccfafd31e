# Signal handlers calling instrumented code (tests/progs/signal.c): SIGALRM
# every 50 us lands anywhere, inside the hooks too, while the main code
# makes 4 million calls; then SIGUSR1 raised 1000 times. The output equals
# the unprofiled program's, the profile is readable, the main code's
# counts and tree are exact, and the handlers' counts are consistent.
. "$TOP/tests/lib.sh"

src=$TOP/tests/progs/signal.c
plaincc plain "$src"
./plain > want.out 2>/dev/null || fail "unprofiled: exit $?"
rtcc signal "$src"
./signal > out 2> err || fail "exit $?"
same "program output" want.out out
alarms=$(sed -n 's/^alarms //p' err)
[ "$alarms" -ge 10 ] || skip "only $alarms SIGALRM delivered"
echo "$alarms alarms"

p=$(profile)
calls signal "$p" > got.flat
cat > want.flat <<'E'
f 2000000
f2 1000
g 2000000
handle 2
main 1
onusr1 1000
p1 1
p2 1
E
grep -v -e '^onalrm ' -e '^h ' -e '^h2 ' got.flat > got.main
same "the main code's calls" want.flat got.main
a=$(awk '$1 == "onalrm" { print $2 }' got.flat)
a=${a:-0}
[ "$a" -le "$alarms" ] || fail "onalrm: $a calls recorded, $alarms handled"
grep -q "^h $((a + 1000))\$" got.flat || fail "h: want $a + 1000 calls: $(grep '^h ' got.flat)"
grep -q "^h2 $((a + 1000))\$" got.flat || fail "h2: want $a + 1000 calls: $(grep '^h2 ' got.flat)"

# the tree less onalrm's subtrees, wherever they were recorded
graph -r signal "$p" | awk '{ match($0, /^[. ]*/); d = RLENGTH; n = substr($0, d + 1); sub(/:.*/, "", n) }
	skip >= 0 && d > skip { next }
	{ skip = -1 }
	n == "onalrm" { skip = d; next }
	{ print }' > got.r
tree > want.r <<'E'
0 main 1
1 handle 2
1 p1 1
2 f 2000000
3 g 2000000
1 p2 1
2 f2 1000
3 onusr1 1000
4 h 1000
5 h2 1000
E
same "the main code's tree" want.r got.r
