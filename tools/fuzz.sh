#!/bin/sh
# Run each libFuzzer harness NAME ($B/fuzz/NAME) for $FUZZTIME seconds on
# $B/fuzz/corpus/NAME (the seeds of tests/fuzz-seeds/NAME added to what
# earlier runs kept). A finding (crash, leak, timeout, out of memory) is
# kept in $B/fuzz/findings/NAME/; the log of a run in $B/fuzz/NAME.log.
# Prints a line per harness: its executions and findings. Exit status 1
# if any harness found something.
B=${B:-build}
FUZZTIME=${FUZZTIME:-120}
bad=0
for n in "$@"; do
	corpus=$B/fuzz/corpus/$n
	found=$B/fuzz/findings/$n
	log=$B/fuzz/$n.log
	mkdir -p "$corpus" "$found" || exit 1
	[ -d tests/fuzz-seeds/$n ] && cp tests/fuzz-seeds/$n/* "$corpus"/
	before=$(ls "$found" | wc -l)
	"$B/fuzz/$n" -max_total_time="$FUZZTIME" -rss_limit_mb=2048 -timeout=10 \
		-print_final_stats=1 -artifact_prefix="$found/" "$corpus" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	new=$(($(ls "$found" | wc -l) - before))
	if [ $rc -ne 0 ] || [ $new -gt 0 ]; then
		bad=1
		echo "fuzz $n: ${runs:-?} executions, FOUND (exit status $rc): $(ls -t "$found" | head -n 1)"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|fuzz: )' "$log" | head -n 5 | sed 's/^/	/'
	else
		echo "fuzz $n: ${runs:-?} executions in ${FUZZTIME} s, no findings"
	fi
done
exit $bad
