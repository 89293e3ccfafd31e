#!/bin/sh
# Run every test case tests/NNN-*.sh, each in a fresh temporary directory.
# A case exits 0 to pass, 77 to skip (its last output line gives the reason),
# anything else to fail. Environment: B = build directory, VALGRIND=1 runs
# the tools under memcheck, ONLY = glob patterns (space-separated) of the
# cases to run, e.g. '1* 5*'. Ends with one line: N passed, N failed[, N skipped].
top=$(pwd)
B=${B:-build}
case $B in /*) ;; *) B=$top/$B ;; esac
export TOP="$top" B
pass=0 fail=0 skip=0
for t in "$top"/tests/[0-9]*.sh; do
	name=$(basename "$t" .sh)
	if [ -n "$ONLY" ]; then
		set -f	# the patterns are for case, not for the shell
		keep=0
		for pat in $ONLY; do
			case $name in $pat) keep=1;; esac
		done
		set +f
		[ $keep = 1 ] || continue
	fi
	dir=$(mktemp -d "${TMPDIR:-/tmp}/proftest.XXXXXX")
	out=$(cd "$dir" && timeout 600 sh "$t" 2>&1)
	rc=$?
	case $rc in
	0)
		pass=$((pass + 1))
		echo "ok   $name";;
	77)
		skip=$((skip + 1))
		echo "skip $name: $(echo "$out" | tail -n 1)";;
	*)
		fail=$((fail + 1))
		echo "FAIL $name (exit $rc)"
		echo "$out" | tail -n 40 | sed 's/^/	/';;
	esac
	rm -rf "$dir"
done
if [ $skip -gt 0 ]; then
	echo "$pass passed, $fail failed, $skip skipped"
else
	echo "$pass passed, $fail failed"
fi
[ $fail -eq 0 ]
