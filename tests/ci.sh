#!/bin/sh
# What `make check` does when CI=true: every test, then every test again
# with the tools under AddressSanitizer + UndefinedBehaviorSanitizer
# (build-san/), then the tools' tests with the tools under valgrind's
# memcheck, then each fuzzer's 30-second smoke run. Each pass prints its
# own lines; the last line sums them: N passed, N failed[, N skipped]
# (a fuzzer counts as a test: passed when it found nothing).
top=$(pwd)
pass=0 fail=0 skip=0
log=$(mktemp "${TMPDIR:-/tmp}/ci.XXXXXX")
trap 'rm -f "$log"' EXIT

# count LABEL: add the "N passed, N failed[, N skipped]" line of $log
count()
{
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	if [ -z "$line" ]; then
		echo "ci: $1: no result line"
		fail=$((fail + 1))
		return
	fi
	echo "ci: $1: $line"
	set -- $(echo "$line" | tr -dc '0-9 ')
	pass=$((pass + $1))
	fail=$((fail + $2))
	skip=$((skip + ${3:-0}))
}

pass_of()
{
	label=$1
	shift
	echo "ci: $label"
	"$@" 2>&1 | tee "$log"
	count "$label"
}

pass_of "tests" env -u CI make -s CI= check
pass_of "tests, tools under ASan+UBSan" env -u CI make -s CI= SAN=1 check
# the fuzzers (one core each in turn) alongside the valgrind pass: CI's 15 minutes
fuzzlog=$(mktemp "${TMPDIR:-/tmp}/ci.XXXXXX")
trap 'rm -f "$log" "$fuzzlog"' EXIT
env -u CI make -s CI= fuzz-smoke > "$fuzzlog" 2>&1 &
fuzz=$!
# the sampling tests 502-505 are left to the sanitizer pass: under valgrind they
# take minutes and check the same code
pass_of "tools' tests under valgrind" env -u CI ONLY='[1-3]* 501* 506* 507* 508* 509* 515* 516* 6*' VALGRIND=1 make -s CI= check
wait $fuzz
rc=$?
echo "ci: fuzzers, 30 s each"
cat "$fuzzlog"
n=$(grep -c '^fuzz .*no findings$' "$fuzzlog")
f=$(grep -c '^fuzz .*FOUND' "$fuzzlog")
[ $rc -ne 0 ] && [ $f -eq 0 ] && f=1	# not built, or not run: a failure too
echo "ci: fuzzers: $n passed, $f failed"
pass=$((pass + n))
fail=$((fail + f))
if [ $skip -gt 0 ]; then
	echo "$pass passed, $fail failed, $skip skipped"
else
	echo "$pass passed, $fail failed"
fi
[ $fail -eq 0 ]
