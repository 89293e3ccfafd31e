# prof -N saves a profile by names ("prof names 1 UNIT", then a line a
# call path, parents first: "calls self-ns path"), which -b reads as a
# baseline with no binary: comparing with it gives what comparing with
# the profile gives. The tree of test 260's before.out, by hand (children
# oldest first; self = time less the children's, ms times a million):
#	main (1, 100) self 30; main;a (10, 60) self 40; main;a;b (5, 20)
#	self 20; main;c (2, 10) self 10.
# A malformed file is refused with one line naming the line.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/cmptrees.sh"
cat > want <<'W'
prof names 1 1000000
1 30000000 main
10 40000000 main;a
5 20000000 main;a;b
2 10000000 main;c
W
$PROF -N prog before.out > got 2>err || { cat err; fail "prof -N: exit $?"; }
same "saved by names" want got
cp got before.names
for f in "" -d -F; do
	$PROF -b before.out $f prog after.out > want 2>/dev/null || fail "prof -b before.out $f"
	$PROF -b before.names $f prog after.out > got 2>err || { cat err; fail "prof -b before.names $f: exit $?"; }
	same "by names $f" want got
done
# CRLF line ends (a checkout on another system) read the same
sed 's/$/\r/' before.names > crlf.names
$PROF -b crlf.names prog after.out > got 2>err || { cat err; fail "CRLF names: exit $?"; }
$PROF -b before.names prog after.out > want 2>/dev/null
same "CRLF" want got
# a names file is compared alone, not summed
errcase "two names files" '^prof: before.names: a profile saved by names is not summed with others$' \
	$PROF -b before.names -b before.names prog after.out
bad()
{
	printf "$2" > bad.names
	errcase "$1" "^prof: bad.names: line $3: " $PROF -b bad.names prog after.out
}
bad "no unit" 'prof names 1\n1 5 main\n' 1
bad "unit 0" 'prof names 1 0\n1 5 main\n' 1
bad "no parent" 'prof names 1 1\n1 5 main\n1 5 main;x;y\n' 3
bad "a parent of another path" 'prof names 1 1\n1 5 main\n1 5 main;x\n1 5 other;x;y\n' 4
bad "empty name" 'prof names 1 1\n1 5 main\n1 5 main;\n' 3
bad "no calls" 'prof names 1 1\nx 5 main\n' 2
bad "too big" 'prof names 1 1\n99999999999999999999 5 main\n' 2
bad "no path" 'prof names 1 1\n1 5\n' 2
bad "a control character" 'prof names 1 1\n1 5 ma\tin\n' 2
exit 0
