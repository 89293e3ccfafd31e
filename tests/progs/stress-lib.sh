# Helpers of the runtime stress tests (tests/7NN-stress-*.sh), sourced
# after tests/lib.sh: each program is built twice, without profiling (the
# reference) and with the runtime, and the two runs must not differ.

# both SRC [CC-ARGS...]: SRC built unprofiled as ./plain and profiled as ./prog.
both()
{
	plaincc plain "$@"
	rtcc prog "$@"
}

# run NAME CMD...: CMD's stdout in NAME.out, stderr in NAME.err, exit status in NAME.rc.
run()
{
	_n=$1
	shift
	"$@" > "$_n.out" 2> "$_n.err"
	echo $? > "$_n.rc"
}

# alike WANT-STATUS: the runs plain and prog exited with WANT-STATUS both
# and wrote the same standard output.
alike()
{
	[ "$(cat plain.rc)" -eq "$1" ] || { cat plain.err; fail "unprofiled: exit $(cat plain.rc), want $1"; }
	[ "$(cat prog.rc)" -eq "$1" ] || { cat prog.err; fail "profiled: exit $(cat prog.rc), want $1 as unprofiled"; }
	same "standard output, profiled vs unprofiled" plain.out prog.out
}

# levels PROGRAM PROFILE: prof -dr's tree as "depth name count" lines,
# sorted: the tree up to the order of siblings (the threads' trees merge
# in an order that depends on scheduling). With tabstop=2 a node at depth
# d is indented by d ".<tab>" (DESIGN 1.2).
levels()
{
	tabstop=2 $PROF -dr "$1" "$2" > levels.out 2> levels.err || { cat levels.err; fail "prof -dr $1 $2: exit $?"; }
	awk '{ match($0, /^(\.\t)*/); d = RLENGTH / 2; s = substr($0, RLENGTH + 1)
		n = s; sub(/:.*/, "", n); c = s; sub(/^[^:]*:[0-9]*/, "", c); sub(/^\//, "", c)
		print d, n, c == "" ? 1 : c }' levels.out | LC_ALL=C sort
}
