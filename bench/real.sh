# Sourced by bench/sqlite.sh, bench/lua.sh and bench/zstd.sh: a real program
# from a Debian source package, built every way worth comparing, run with its
# workload by every method in turn, round after round, and reported one line
# a method.
#
# The sourcing script sets these, then calls realsetup, makes its inputs in
# $IN (absolute paths) and calls realbench:
#	NAME	the program, for file names
#	TITLE	one line: the program, its version, the workload
#	SRCS	its C sources, absolute paths (one object each)
#	PCFLAGS	compiler flags of its own (-D, -I)
#	PLIBS	libraries it links with
#	ARGS	its arguments (each run is in a directory of its own)
#	PREP	optional: a shell command run, untimed, before each run in
#		the run's directory (to remove a database, say)
#
# Builds, gcc and clang at -O2 (objects cached in build/real/obj/NAME/ and
# reused while the command line and compiler stay the same):
#	plain		unprofiled, the reference
#	empty		instrumented, with hooks that do nothing (bench/floor.c -DEMPTY)
#	push		instrumented, with bench/floor.c -DPUSH: a shadow-stack
#			push or pop each, no clock, no call tree; the least any
#			call-path hook does, so sample mode's floor
#	floor		instrumented, with bench/floor.c's hooks: a cycle-counter
#			read and a shadow-stack push or pop each, no call tree
#	gprof		-pg, run as is (mcount, gmon.out)
#	prof TYPE	instrumented, with the runtime ($B/libprof.a), run with
#			proftype=TYPE (user, kernel, elapsed, sample)
#	prof big	(gcc) proftype=user with profsize=$BIGSIZE: nothing lost
#	uftrace		(gcc) the -pg build under `uftrace record` (its defaults)
# Instrumented is gcc's -finstrument-functions (hooks on every function,
# the inlined ones too) and clang's -finstrument-functions-after-inlining
# (hooks on the calls that remain after inlining, as -pg counts them).
#
# Timing: every method once a round, a warmup round first, the best of RUNS
# rounds: a busy spell on a shared machine slows a round of all alike.
# Each run's wall time and maximum RSS are taken by bench/rt-time.c (-m:
# the largest of the program and of the processes it waited for, so
# uftrace's and the program's it traces). Ratios are to the same compiler's
# plain, gprof and floor runs. From the profile of the last run of each
# prof method: the calls recorded (the sum of prof's Calls column), the
# calls lost (prof's warning), the call paths (lines of prof -dr: the
# threads' trees merged), and memory per path = (RSS - plain RSS) / paths.
#
# Environment: RUNS (7), BIGSIZE (10000000), NOCLANG=1, NOUFTRACE=1,
# NOINSTALL=1 (never apt-get install), KEEP=1 keeps the work directory.
set -e
top=$(pwd)
B=${B:-build}
case $B in /*) ;; *) B=$top/$B ;; esac
S=$top/bench
RUNS=${RUNS:-7}
BIGSIZE=${BIGSIZE:-10000000}
# the cache of sources and objects: build/, whatever $B is, so that both
# build trees share it
CACHE=$top/build/real

. "$S/lib.sh"

# realsetup: check the tools, make the work directory $w and the inputs'
# directory $IN, build the timer and the hooks
realsetup()
{
	[ -f "$B/libprof.a" ] || die "no $B/libprof.a; run make first"
	[ -x "$B/prof" ] || die "no $B/prof; run make first"
	ccs=gcc
	if [ "${NOCLANG:-0}" != 1 ]; then
		if have clang clang; then
			ccs="gcc clang"
		else
			note "no clang: its rows are left out"
		fi
	fi
	uf=0
	if [ "${NOUFTRACE:-0}" != 1 ]; then
		if have uftrace uftrace; then
			uf=1
		else
			note "no uftrace: its row is left out"
		fi
	fi
	workdir profreal
	IN=$w/in
	mkdir -p "$IN" "$w/bin" "$w/run"
	gcc -O2 -o "$w/rt-time" "$S/rt-time.c" || die "cannot build bench/rt-time.c"
	for c in $ccs; do
		$c -O2 -c -o "$w/$c.floor.o" "$S/floor.c" || die "$c: cannot build bench/floor.c"
		$c -O2 -DEMPTY -c -o "$w/$c.empty.o" "$S/floor.c" || die "$c: cannot build bench/floor.c"
		$c -O2 -DPUSH -c -o "$w/$c.push.o" "$S/floor.c" || die "$c: cannot build bench/floor.c"
	done
}

# kindflags CC KIND: the compiler flags of a kind of build
kindflags()
{
	case $2 in
	plain) echo -O2;;
	pg) echo -O2 -pg;;
	inst)
		if [ "$1" = clang ]; then
			echo -O2 -finstrument-functions-after-inlining
		else
			echo -O2 -finstrument-functions
		fi;;
	esac
}

# objs CC KIND: compile SRCS (cached, as many at once as there are CPUs);
# prints the objects
objs()
{
	_cc=$1
	_d=$CACHE/obj/$NAME/$1-$2
	_f=$(kindflags "$1" "$2")
	_pids=
	_list=
	_ok=0
	for _s in $SRCS; do
		_o=$_d/$(echo "${_s#"$CACHE"/}" | sed 's|/|_|g; s|\.c$|.o|')
		_list="$_list $_o"
		# shellcheck disable=SC2086
		sh "$top/tools/cached.sh" "$_o" "$_cc" $_f $PCFLAGS -c "$_s" >&2 &
		_pids="$_pids $!"
		set -- $_pids
		if [ $# -ge "$(nproc)" ]; then
			wait "$1" || _ok=1
			shift
			_pids=$*
		fi
	done
	for _p in $_pids; do
		wait "$_p" || _ok=1
	done
	[ $_ok = 0 ] && echo "$_list"
}

# link CC OUT OBJECTS...: link a program (with -pg for a -pg build's objects)
link()
{
	_c=$1 _out=$2
	shift 2
	# shellcheck disable=SC2086
	"$_c" -o "$_out" "$@" $PLIBS || die "$_c: cannot link $_out"
}

# realbuild: every build into $w/bin: CC.plain, CC.empty, CC.push, CC.floor, CC.pg, CC.prof
realbuild()
{
	for c in $ccs; do
		note "$NAME: building with $c (objects cached in $CACHE/obj/$NAME)"
		o=$(objs $c plain) || die "$c: compiling $NAME failed"
		link $c "$w/bin/$c.plain" $o
		o=$(objs $c pg) || die "$c -pg: compiling $NAME failed"
		link $c "$w/bin/$c.pg" -pg $o
		o=$(objs $c inst) || die "$c: compiling $NAME instrumented failed"
		link $c "$w/bin/$c.empty" $o "$w/$c.empty.o"
		link $c "$w/bin/$c.push" $o "$w/$c.push.o"
		link $c "$w/bin/$c.floor" $o "$w/$c.floor.o"
		link $c "$w/bin/$c.prof" $o "$B/libprof.a" -lpthread -ldl
	done
}

# methods: the methods timed, each CC.WHAT
methods()
{
	for c in $ccs; do
		echo "$c.plain $c.empty $c.push $c.floor $c.gprof $c.user $c.kernel $c.elapsed $c.sample"
		[ $c = gcc ] && echo "gcc.big"
		[ $c = gcc ] && [ $uf = 1 ] && echo "gcc.uftrace"
	done
	return 0
}

# once M: run the program once by method M in $w/run/M; prints "ns rss-KB",
# or fails (its stderr is left in $w/run/M/stderr)
once()
{
	_c=${1%%.*} _m=${1#*.}
	_d=$w/run/$1
	mkdir -p "$_d"
	_p="rm -rf prof.[0-9]* gmon.out uftrace.data uftrace.data.old${PREP:+; $PREP}"
	case $_m in
	user|kernel|elapsed|sample) set -- "proftype=$_m" "$w/bin/$_c.prof";;
	big) set -- "proftype=user profsize=$BIGSIZE" "$w/bin/$_c.prof";;
	gprof) set -- X=1 "$w/bin/$_c.pg";;
	uftrace) set -- X=1 uftrace record "$w/bin/$_c.pg";;
	*) set -- X=1 "$w/bin/$_c.$_m";;
	esac
	_e=$1
	shift
	# shellcheck disable=SC2086
	(cd "$_d" && env $_e "$w/rt-time" -m -w 0 -n 1 -p "$_p" "$@" $ARGS 2>"$_d/stderr") ||
		{ note "$NAME by $1: failed"; return 1; }
}

# profstats BIN DIR: "calls lost paths profiles most" of the profiles in DIR:
# calls recorded and lost and call paths of their sum (prof sums them,
# merging paths), how many profiles, and the most paths in one of them
profstats()
{
	set -- "$1" "$2"/prof.[0-9]*
	[ -f "$2" ] || die "$NAME: ${2%/*}: no profile written"
	_bin=$1
	shift
	_calls=$("$B/prof" "$_bin" "$@" 2>"$w/prof.err" | sed 1d |
		awk -F'\t' '{ n = split($1, f, " "); s += f[n] } END { printf "%.0f\n", s }')
	_lost=$(sed -n 's/.* \([0-9][0-9]*\) calls not recorded.*/\1/p' "$w/prof.err" | awk '{ s += $1 } END { printf "%.0f\n", s }')
	_paths=$(paths "$_bin" "$@")
	_most=0
	for _f in "$@"; do
		_n=$(paths "$_bin" "$_f")
		[ "$_n" -le $_most ] || _most=$_n
	done
	echo "$_calls $_lost $_paths $# $_most"
}

# paths BIN PROFILE...: the call paths of the profiles' sum (lines of prof -dr)
paths()
{
	tabstop=100 "$B/prof" -dr "$@" 2>/dev/null | wc -l
}

# rat A B: A/B with two decimals, or - when either is missing
rat()
{
	awk -v a="$1" -v b="$2" 'BEGIN { if(a == "" || b == "" || b + 0 <= 0) print "-"; else printf "%.2f", a / b }'
}

# label M: a method's name in the report
label()
{
	_c=${1%%.*}
	case ${1#*.} in
	plain) echo "$_c unprofiled";;
	empty) echo "$_c empty hooks";;
	push) echo "$_c push hooks";;
	floor) echo "$_c floor hooks";;
	gprof) echo "$_c -pg (gprof)";;
	big) echo "$_c prof user, profsize=$BIGSIZE";;
	uftrace) echo "$_c -pg, uftrace record";;
	*) echo "$_c prof ${1#*.}";;
	esac
}

# realbench: build, time, report
realbench()
{
	realbuild
	ms=$(methods)
	note "$NAME: a warmup round, then $RUNS rounds of: $(echo $ms)"
	: > "$w/failed"
	for r in $(seq 0 "$RUNS"); do
		for m in $ms; do
			k=$(echo "$m" | tr . _)
			eval "[ -z \"\${f_$k:-}\" ]" || continue
			# a method that fails is left out of the later rounds and said why
			if ! v=$(once $m); then
				eval "f_$k=1"
				echo "	$(label $m): failed in round $r: $(grep -v '^prof:' "$w/run/$m/stderr" | tail -n 2 | tr '\n' ' ')" >> "$w/failed"
				continue
			fi
			[ "$r" -gt 0 ] || continue
			set -- $v
			eval "o=\${t_$k:-}"
			[ -n "$o" ] && [ "$o" -le "$1" ] || eval "t_$k=\$1"
			eval "o=\${r_$k:-}"
			[ -n "$o" ] && [ "$o" -le "$2" ] || eval "r_$k=\$2"
		done
	done

	echo "$TITLE"
	echo "$(gcc --version | head -n 1)$(for c in $ccs; do [ $c = gcc ] || echo ", $($c --version | head -n 1)"; done);" \
		"-O2; best of $RUNS interleaved rounds after a warmup; $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) CPUs"
	printf '%-34s %9s %7s %7s %7s %8s %12s %12s %7s %8s\n' method "time ms" /plain /gprof /floor "RSS MB" "calls rec." lost paths "KB/path"
	for m in $ms; do
		c=${m%%.*} k=$(echo "$m" | tr . _)
		eval "t=\${t_$k:-} r=\${r_$k:-} tp=\${t_${c}_plain:-} rp=\${r_${c}_plain:-} tg=\${t_${c}_gprof:-} tf=\${t_${c}_floor:-}"
		if [ -z "$t" ]; then
			printf '%-34s %9s\n' "$(label $m)" failed
			continue
		fi
		calls= lost= paths= kb=
		case ${m#*.} in
		user|kernel|elapsed|sample|big)
			set -- $(profstats "$w/bin/$c.prof" "$w/run/$m")
			calls=$1 lost=$2 paths=$3
			kb=$(awk -v r="$r" -v p="$rp" -v n="$paths" 'BEGIN { if(n > 0) printf "%.2f", (r - p) / n; else print "-" }');;
		esac
		printf '%-34s %9s %7s %7s %7s %8s %12s %12s %7s %8s\n' "$(label $m)" \
			"$(awk -v t="$t" 'BEGIN { printf "%.1f", t / 1e6 }')" "$(rat "$t" "$tp")" "$(rat "$t" "$tg")" "$(rat "$t" "$tf")" \
			"$(awk -v r="$r" 'BEGIN { printf "%.1f", r / 1024 }')" "${calls:--}" "${lost:--}" "${paths:--}" "${kb:--}"
	done
	cat "$w/failed"
	for c in $ccs; do
		m=$c.user
		if [ -s "$w/run/$m/stderr" ]; then
			sed "s/^/	$c prof user: the program said: /" "$w/run/$m/stderr" | head -n 3
		fi
	done
}
