# prof's flat report on a 65,534-call chain of distinct pcs (the deepest
# the classic format holds): quick, and right.
# Program: 4096 functions fNNNN at 0x1000 + 16*NNNN; text ends at 0x11000.
# Chain: node k (1..65534) has pc 0x1000 + k-1, inside function
# s = (k-1)/16, count 1 and self time s+1 ms (time = the sum of its own
# and its descendants' self times).
# So f0000..f4094 have 16 calls and 16*(s+1) ms; f4095 has 14 calls,
# 14*4096 = 57344 ms, which ties with f3583 (16*3584): by name, f3583 first.
# Total 16*(4095*4096/2) + 57344 = 134242304 ms; every share under 0.05%.
# Rows by decreasing time: f4094 (65520), f4093, ..., f3584 (57360, row 511),
# f3583 (row 512), f4095 (row 513), f3582 (row 514), ..., f0000 (row 4096).
. "$TOP/tests/lib.sh"
limit=20
[ "${VALGRIND:-0}" = 1 ] && limit=300
# shellcheck disable=SC2046
mkelf prog $(awk 'BEGIN { for (s = 0; s < 4096; s++) printf "f%04d=0x%x\n", s, 4096 + 16 * s }')
awk 'BEGIN {
	n = 65534
	t = 0
	for (k = n; k >= 1; k--) {
		t += int((k - 1) / 16) + 1
		time[k] = t
	}
	print "1 - 0 0 " time[1]
	for (k = 1; k <= n; k++)
		printf "%s - %d 1 %d\n", k < n ? k + 1 : "-", 4096 + k - 1, time[k]
}' | $MKCLASSIC > prof.out || fail "mkclassic"
[ "$(wc -c < prof.out)" -eq $((65535 * 16)) ] || fail "prof.out is not 65535 records"
timeout $limit $PROF prog prof.out > got || fail "prof exit $? (124: timed out)"
[ "$(wc -l < got)" -eq 4097 ] || fail "want 4097 lines (header and 4096 rows), got $(wc -l < got)"
printf '%b\n' \
	'  %     Time     Calls  Name' \
	' 0.0   65.520       16\tf4094' \
	' 0.0   65.504       16\tf4093' > want
head -n 3 got > part
same "first rows" want part
printf '%b\n' \
	' 0.0   57.360       16\tf3584' \
	' 0.0   57.344       16\tf3583' \
	' 0.0   57.344       14\tf4095' \
	' 0.0   57.328       16\tf3582' > want
sed -n '512,515p' got > part
same "the tie" want part
printf '%b\n' \
	' 0.0    0.032       16\tf0001' \
	' 0.0    0.016       16\tf0000' > want
tail -n 2 got > part
same "last rows" want part
# every row: 16 calls of 16*(s+1) ms, except f4095
awk -F'\t' 'NR > 1 {
	split($1, c, " ")
	s = substr($2, 2) + 0
	want = s == 4095 ? 57.344 : 16 * (s + 1) / 1000
	if (c[2] + 0 != want || c[3] != (s == 4095 ? 14 : 16) || c[1] != "0.0")
		{ print "bad row " NR ": " $0; bad = 1 }
} END { exit bad }' got || fail "rows"
