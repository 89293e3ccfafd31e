# A profile of sampled call stacks (proftype stacks, prof(5)): made by
# the library's builder (tests/bin/mkstacks, profile/stacks.c) from
# stacks given by hand, then read by prof like any prof.<pid>. Worked by
# hand from the samples (period 1 ms, so a sample is 1 ms):
#	3  main a b hot
#	1  main c b hot
#	2  main a
#	1  main c #500		(a pc of no module)
# Through each node (its time): main 7, main;a 5, main;a;b 3, main;a;b;hot
# 3, main;c 2, main;c;b 1, main;c;b;hot 1, main;c;#500 1. Self samples
# (a node's count): hot 3+1, a 2, #500 1. The executable's module is
# placed at bias 0x10000: its frames are file offsets, named by the
# symbols there.
# -d: Plan 9's graph, oldest child first, "name:ms" with no call count
# (sampled stacks count no calls).
# Flat: Plan 9's rule sums the text symbols only (#500 is none): total
# 6 ms; hot 4 (66.7 %), a 2 (33.3 %); Calls are the self samples; rows of
# no time and no samples are left out.
# -F: the paths' self times in ns. -C: an arc's calls are the samples
# through the callee (main -> a 5, b -> hot 3 + 1). -S: main 7 of 7 ms
# (100.0 %), a 5 (71.4 %), as samples. pprof: sample types
# samples/count and cpu/nanoseconds, as Go's CPU profiles.
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000 a=0x1100 b=0x1200 c=0x1300 hot=0x1400
cat > stacks <<EOF2
mod $PWD/prog 0x10000 exe
3 0:0x1000 0:0x1100 0:0x1200 0:0x1400
1 0:0x1000 0:0x1300 0:0x1200 0:0x1400
2 0:0x1000 0:0x1100
1 0:0x1000 0:0x1300 :0x500
lost 2
EOF2
$B/tests/mkstacks 1000000 < stacks > prof.4321 || fail "mkstacks"

$PROF -d prog prof.4321 > got 2> err || { cat err; fail "prof -d: exit $?"; }
printf '%s\n' 'main:7' '. a:5' '.	b:3' '.	. hot:3' '. c:2' '.	b:1' '.	. hot:1' '.	#500:1' > want
same "prof -d of sampled stacks" want got
echo "prof: prof.4321: 2 samples lost: the kernel's buffer was full" > want
same "lost samples" want err

$PROF prog prof.4321 > got 2>/dev/null || fail "prof: exit $?"
printf '  %%     Time     Calls  Name\n66.7    0.004        4\thot\n33.3    0.002        2\ta\n' > want
same "flat report of sampled stacks" want got

# no program named: the profile's executable module names it
$PROF -F 2>/dev/null | LC_ALL=C sort > got || fail "prof -F: exit $?"
printf '%s\n' 'main;a 2000000' 'main;a;b;hot 3000000' 'main;c;#500 1000000' 'main;c;b;hot 1000000' > want
same "prof -F of sampled stacks" want got

$PROF -C prog prof.4321 > cg 2>/dev/null || fail "prof -C: exit $?"
awk '/^fn=/ {fn = substr($0, 4)} /^cfn=/ {cfn = substr($0, 5)} /^calls=/ {print fn, cfn, substr($1, 7)}' cg | LC_ALL=C sort > got
printf '%s\n' 'a b 3' 'b hot 4' 'c #500 1' 'c b 1' 'main a 5' 'main c 2' > want
same "prof -C arcs of sampled stacks" want got

# A stack the unwinder could not follow to its outermost frame ends in
# Unknownpc (all ones, no module), named [unknown]: 2 samples c -> hot
# below it.
printf 'mod %s 0x10000 exe\n2 :0xffffffffffffffff 0:0x1300 0:0x1400\n' "$PWD/prog" > unknown
$B/tests/mkstacks 1000000 < unknown > prof.99 || fail "mkstacks"
$PROF -d prog prof.99 > got 2>&1 || { cat got; fail "prof -d: exit $?"; }
printf '%s\n' '[unknown]:2' '. c:2' '.	hot:2' > want
same "prof -d of a stack ending in [unknown]" want got

# -S: the title says what was measured; a frame's tooltip its samples (through it)
$PROF -S prog prof.4321 > fg.svg 2>/dev/null || fail "prof -S: exit $?"
grep -q '>prog: proftype stacks, total 7.0 ms<' fg.svg || fail "flame graph title lacks proftype stacks"
grep -o '<title>[^<]*</title>' fg.svg | sed -n '2,3p' > got
printf '%s\n' '<title>main: 7.0 ms, 100.0%, 7 samples</title>' '<title>a: 5.0 ms, 71.4%, 5 samples</title>' > want
same "flame graph tooltips of sampled stacks" want got

. "$TOP/tests/progs/pprof-lib.sh"
needpprof
$PROF -P prog prof.4321 > prof.pb 2>/dev/null || fail "prof -P: exit $?"
go tool pprof -raw prof.pb > raw 2>&1 || { cat raw; fail "pprof -raw"; }
grep -q '^PeriodType: cpu nanoseconds$' raw || { cat raw; fail "period type not cpu nanoseconds"; }
grep -q '^samples/count cpu/nanoseconds$' raw || { cat raw; fail "sample types not samples, cpu"; }
pptop prof.pb -sample_index=samples > got
printf '%s\n' '#500 1 1' 'a 2 5' 'b 0 4' 'c 0 2' 'hot 4 4' 'main 0 7' > want
same "pprof -top (samples)" want got
exit 0
