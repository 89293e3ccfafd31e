# tprof -o saves the counts in Plan 9's /proc/pid/profile layout and
# tprof -f file binary reports them again, identically. tprof -a lists the
# samples outside the text by module: tests/progs/tprof-out.c spends half
# its CPU time in libc's memset and half in a getppid system call loop,
# so libc and the kernel each have a large share of the total; the rows
# add up to the outside count, which is the total less the text's rows.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/tprof-lib.sh"

burncc burn
$TPROF -o saved -c ./burn -t 2 -s 0.3 > rep 2>err || { cat err; fail "tprof -o saved: exit $?"; }
$TPROF -f saved burn > again 2>err || { cat err; fail "tprof -f saved burn: exit $?"; }
grep -v '^cpu ' rep > want
same "report from the saved file" want again
# the layout: 4-byte words, each of the text's 8-byte buckets from TEXT
# to the end of the page holding the last symbol; word 0 is the total
base=$(sed -n 's/^TEXT //p' rep)
last=$(nm burn | awk '$2 ~ /^[tT]$/ { print $1 }' | sort | tail -n 1)
pg=$(getconf PAGESIZE)
size=$(wc -c < saved)
end=$((0x$base + size / 4 * 8))
[ $((size % 4)) -eq 0 ] && [ $((end % pg)) -eq 0 ] && [ $end -gt $((0x$last)) ] && [ $((end - 0x$last)) -le $((2 * pg)) ] ||
	fail "saved file of $size bytes: its buckets end at $end, the last symbol is at 0x$last"
w0=$(od -An -tu1 -N4 saved | awk '{ print $4 * 16777216 + $3 * 65536 + $2 * 256 + $1 }')
[ "$w0" = "$(total rep)" ] || fail "word 0 is $w0, the total $(total rep)"

# -o where it cannot be written: said at once, before anything runs
errcase "unwritable -o" '^tprof: nodir/x: No such file or directory$' $TPROF -o nodir/x -c ./burn

${CC:-cc} -O2 -g -o out "$TOP/tests/progs/tprof-out.c" || fail "cc tprof-out.c"
$TPROF -a -c ./out > rep 2>err || { cat err; fail "tprof -a -c ./out: exit $?"; }
cat rep err
outside=$(sed -n 's/^outside text: //p' rep)
awk -F'\t' -v t="$(total rep)" -v o="$outside" '
	/^outside text/ { out = 1; next }
	NR > 3 && NF == 3 && !out { text += $1 }
	out && NF == 4 { rows += $1; if($4 ~ /\/libc\.so/) libc += $1; if($4 == "[kernel]") kern += $1 }
	END {
		printf "total %d: text %d, outside %d (rows %d): libc %d, kernel %d\n", t, text, o, rows, libc, kern
		if(rows != o) { print "FAIL: the rows do not add up to the outside count"; exit 1 }
		if(text + o != t) { print "FAIL: text and outside do not add up to the total"; exit 1 }
		if(libc < 0.3 * t) { print "FAIL: libc has less than 30% of the total"; exit 1 }
		if(kern < 0.2 * t) { print "FAIL: the kernel has less than 20% of the total"; exit 1 }
	}' rep || exit 1
# without -a, the same report less the list
$TPROF -c ./out > rep2 2>err || { cat err; fail "tprof -c ./out: exit $?"; }
grep -q '^outside text' rep2 && fail "the outside list without -a"
exit 0
