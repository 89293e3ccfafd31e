# kprof on Linux /proc/profile data against readprofile (util-linux), the
# oracle: for synthetic profiles and System.maps made here (3,000 text
# symbols at uneven gaps of 1 to 200 bytes, so that symbol boundaries fall
# inside buckets; bucket sizes 1, 4, 16 and 64; _etext not on a bucket
# boundary; most buckets nonzero, among them the first and the last), the
# per-function counts kprof prints must be readprofile's, function for
# function; kprof's outside count must be readprofile's *unknown* line (the
# last bucket, where the kernel also counts the pcs beyond it), and its
# in-text count readprofile's total.
. "$TOP/tests/lib.sh"
KPROF="$VG $B/kprof"
KPWORDS="$B/tests/kpwords"
command -v readprofile >/dev/null 2>&1 || skip "readprofile (util-linux) not found"

for step in 1 4 16 64; do
	# the map: absolute and text symbols before _stext, the functions, _etext, data
	awk -v seed=$step -v step=$step 'BEGIN {
		srand(seed)
		base = 2^32 - 2^24		# printed with the 0xffffffff prefix
		printf "00000000%08x A __per_cpu_start\n", 0 > "map"
		printf "ffffffff%08x T _text\n", base > "map"
		printf "ffffffff%08x T _stext\n", base > "map"
		a = base + 1 + int(rand() * 40)
		for(i = 0; i < 3000; i++){
			t = substr("TtWt", 1 + int(rand() * 4), 1)
			printf "ffffffff%08x %s fn%d\n", a, t, i > "map"
			a += 1 + int(rand() * 200)
		}
		printf "ffffffff%08x T _etext\n", a > "map"
		printf "ffffffff%08x D jiffies\n", a + 4096 > "map"
		nb = int((a - base) / step)	# the kernel: prof_len = (_etext - _stext) >> shift
		printf "%d\n", step > "words"
		for(b = 0; b < nb; b++)
			printf "%d\n", (b == 0 || b == nb - 1 || rand() < 0.7) ? 1 + int(rand() * 1000) : 0 > "words"
	}'
	$KPWORDS -l < words > profile
	readprofile -p profile -m map > rp.out || fail "readprofile, step $step: exit status $?"
	$KPROF -H 1000 map profile > kp.out || fail "kprof, step $step: exit status $?"
	$KPROF map profile > kp.raw || fail "kprof, step $step: exit status $?"
	cmp -s kp.out kp.raw || fail "step $step: -H 1000 differs from no -H"
	grep -Ev '^ *[0-9]+ (\*unknown\*$|total )' rp.out | awk '{ print $2, $1 }' | sort > want
	awk -F'\t' 'NR > 3 { print $3, $1 }' kp.out | sort > got
	[ "$(wc -l < want)" -gt 1000 ] || fail "step $step: readprofile listed only $(wc -l < want) functions"
	same "step $step: counts per function (name count)" want got
	unknown=$(awk '$2 == "*unknown*" { print $1 }' rp.out)
	total=$(awk '$2 == "total" { print $1 }' rp.out)
	printf 'total: %d\tin kernel text: %d\toutside kernel text: %d\n' $((total + unknown)) $total $unknown > want
	head -n 1 kp.out > got
	same "step $step: totals against readprofile's total and *unknown*" want got
	[ "$unknown" -eq "$(tail -n 1 words)" ] || fail "step $step: *unknown* is not the last bucket"
done

# Forcing the format: -l reads the same; -9 reads it as Plan 9 kpdata, whose
# big-endian total is then smaller than its buckets: refused.
$KPROF -l map profile > got || fail "kprof -l: exit status $?"
same "-l" kp.out got
errcase "-9 on /proc/profile data" '^kprof: profile: not Plan 9 kpdata' $KPROF -9 map profile
exit 0
