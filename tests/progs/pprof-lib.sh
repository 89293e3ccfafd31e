# Sourced by the pprof tests after tests/lib.sh. The oracle is pprof
# itself, `go tool pprof` of Debian's golang-go (installed here if it is
# missing and we are root): what it reads from our profile.proto must be
# what prof, tprof and kprof report. Its output is parsed into numbers,
# never compared as bytes: its layout is pprof's own.

# needpprof: go tool pprof, installed if need be, or the case is skipped.
needpprof()
{
	if ! command -v go >/dev/null 2>&1; then
		[ "$(id -u)" -eq 0 ] || skip "go tool pprof: golang-go not installed (apt-get install golang-go as root)"
		{ apt-get install -y golang-go || { apt-get update && apt-get install -y golang-go; }; } \
			> apt.log 2>&1 || skip "go tool pprof: apt-get install golang-go failed: $(tail -n 1 apt.log)"
	fi
	# pprof keeps its settings under $HOME: this case's own
	HOME=$(pwd)
	export HOME
	go tool pprof -h > /dev/null 2>&1 || skip "go tool pprof does not run"
}

# pprof REPORT FILE [OPTION...]: go tool pprof -REPORT FILE into pprof.out, or fail.
pprof()
{
	_r=$1 _f=$2
	shift 2
	go tool pprof -"$_r" "$@" "$_f" > pprof.out 2> pprof.err || { cat pprof.err; fail "go tool pprof -$_r $*: exit $?"; }
}

# pptop FILE [OPTION...]: pprof -top as "name flat cum" lines sorted by
# name, the numbers without their unit (give -unit=ns for times); every
# function, however small (pprof leaves out those under 0.5% of the total).
pptop()
{
	pprof top "$@" -nodecount=1000000 -nodefraction=0
	awk 'go { n = $1; c = $4; gsub(/[^0-9.-]/, "", n); gsub(/[^0-9.-]/, "", c)
		sub(/^ *[^ ]+ +[^ ]+ +[^ ]+ +[^ ]+ +[^ ]+  */, ""); print $0, n, c }
		/^ *flat  *flat%/ { go = 1 }' pprof.out | LC_ALL=C sort
}

# pptraces FILE [OPTION...]: pprof -traces as "root;...;leaf value" lines,
# in pprof's order, samples of value 0 left out (as prof -F leaves them).
pptraces()
{
	pprof traces "$@"
	awk 'function flush() { if(path != "" && v != 0) print path, v; path = "" }
		/^-----------\+/ { flush(); go = 1; first = 1; next }
		!go { next }
		first { v = $1; gsub(/[^0-9.]/, "", v); sub(/^ *[^ ]+   /, ""); path = $0; first = 0; next }
		{ sub(/^ +/, ""); path = $0 ";" path }
		END { flush() }' pprof.out
}

# ppraw FILE: the samples of pprof -raw as "root;...;leaf v1 v2" lines,
# names from its locations.
ppraw()
{
	pprof raw "$@"
	awk '/^Samples:/ { s = 1; getline; next }
		/^Locations/ { s = 0; l = 1; next }
		/^Mappings/ { l = 0 }
		s && /:/ { n++; split($0, h, ":"); split(h[1], v, " "); val[n] = v[1] " " v[2]; ids[n] = h[2] }
		l && /^ +[0-9]+: / { id = $1 + 0; x = $0; sub(/^ +[0-9]+: 0x[0-9a-f]+ /, "", x)
			sub(/^M=[0-9]+ /, "", x); sub(/ :[0-9]+ s=[0-9]+$/, "", x); name[id] = x }
		END { for(i = 1; i <= n; i++){ k = split(ids[i], a, " "); p = ""
			for(j = 1; j <= k; j++) p = (j == 1 ? name[a[j]] : name[a[j]] ";" p)
			print p, val[i] } }' pprof.out
}
