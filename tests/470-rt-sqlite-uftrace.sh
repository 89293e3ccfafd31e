# uftrace as the oracle on a real program: SQLite's sqlite3 shell, from
# Debian's source package (tools/sqlite.sh: apt-get source sqlite3, a
# deb-src line added for the mirror apt uses; the amalgamation made by the
# tree's make), built -O2 -finstrument-functions and run on a deterministic
# workload (tools/sqlite.sh sql $N470: N inserts, indexes, joins, window
# functions, updates, deletes) twice: with our runtime, and under uftrace
# record --no-event --no-libcall (no events, no library calls: only the
# program's functions, as prof counts them). For every function, prof's
# Calls equal uftrace report's; for every call path (the raw path from the
# root, recursion not compressed), the calls prof -dr shows equal those
# counted from uftrace dump's entry records (name and depth).
#
# One executable serves both: it is linked with the runtime dynamically
# (-L$B -lprof, found through LD_LIBRARY_PATH=$B). uftrace record preloads
# its libmcount, whose __cyg_profile_func_enter/exit come before
# libprof.so's in the dynamic linker's lookup order, so under uftrace the
# same code calls uftrace's hooks (libprof.so is loaded still and writes an
# empty profile, removed). With libprof.a the hooks would be bound at link
# time and uftrace would see no call; a second executable without the
# runtime would not be the same binary.
#
# The objects are compiled once into build/real/t470/ (tools/cached.sh:
# again only when the command or compiler changes), shared by make check and
# make check SAN=1 (the runtime is never sanitized) and never committed;
# the link is per run. No $profsize: by default no call is lost (the old
# default buffer of 2000 paths lost most). First the readers are checked
# on tests/progs/uftpaths.c, whose paths are known by construction.
. "$TOP/tests/lib.sh"
N470=${N470:-2000}
command -v uftrace >/dev/null 2>&1 || skip "uftrace not found (apt-get install uftrace, or make deps)"
command -v gcc >/dev/null 2>&1 || skip "no gcc"
cache=$TOP/build/real
if [ ! -f "$cache/sqlite-amal/.done" ] && [ "$(id -u)" -ne 0 ]; then
	skip "no SQLite source in $cache: run this once as root (apt-get source sqlite3), or make bench"
fi
# Our runtime's files are named prof.<pid> and uftrace's directory is uftrace.data.

# profpaths PROGRAM PROFILE: "path calls" lines, path = name;name;..., from prof -dr
# (tabstop=100: a node at depth d is indented "." and 2d-1 spaces, the root not at all)
profpaths()
{
	tabstop=100 $PROF -dr "$1" "$2" > r.out 2> r.err || { cat r.err; fail "prof -dr $1 $2 failed"; }
	awk '{ match($0, /^[. ]*/); d = RLENGTH / 2; node = substr($0, RLENGTH + 1)
		c = 1; if(node ~ /\/[0-9]+$/){ c = node; sub(/.*\//, "", c) }
		sub(/:[0-9]+(\/[0-9]+)?$/, "", node)
		p[d] = node; s = p[0]; for(i = 1; i <= d; i++) s = s ";" p[i]
		print s, c }' r.out | LC_ALL=C sort
}

# ufpaths: "path calls" lines from uftrace.data here: dump's entry records,
# "... [entry] name(addr) depth: d"
ufpaths()
{
	uftrace dump --no-pager > dump.out 2> dump.err || { cat dump.err; fail "uftrace dump failed"; }
	awk '$3 == "[entry]" && $(NF - 1) == "depth:" { d = $NF; name = $4; sub(/\(.*/, "", name)
		p[d] = name; s = p[0]; for(i = 1; i <= d; i++) s = s ";" p[i]; n[s]++ }
		END { for(s in n) print s, n[s] }' dump.out | LC_ALL=C sort
}

# ufcalls: "name calls" lines of uftrace report (Total, Self as "N unit", Calls, Function)
ufcalls()
{
	uftrace report --no-pager > report.out 2> report.err || { cat report.err; fail "uftrace report failed"; }
	awk '$5 ~ /^[0-9]+$/ && NF == 6 { print $6, $5 }' report.out | LC_ALL=C sort
}

# record BIN ARG...: run BIN (stdin /dev/null: the shell would read a
# terminal) with our runtime, then under uftrace; leaves
# prof.calls, prof.paths, uf.calls, uf.paths
record()
{
	rm -f prof.[0-9]* ./*.db
	LD_LIBRARY_PATH=$B "$@" < /dev/null > run.out 2> run.err
	rc=$?
	[ $rc -eq 0 ] || { cat run.err; fail "$*: exit $rc"; }
	p=$(profile)
	calls "$1" "$p" > prof.calls
	! grep 'not recorded' calls.err || fail "prof $1 $p: calls lost"
	profpaths "$1" "$p" > prof.paths
	rm -f prof.[0-9]* ./*.db
	rm -rf uftrace.data uftrace.data.old
	LD_LIBRARY_PATH=$B uftrace record --no-event --no-libcall "$@" < /dev/null > uf.out 2> uf.err
	rc=$?
	[ $rc -eq 0 ] || { cat uf.err; fail "uftrace record $*: exit $rc"; }
	cmp -s run.out uf.out || fail "$*: output differs under uftrace"
	rm -f prof.[0-9]*
	ufcalls > uf.calls
	ufpaths > uf.paths
}

# compare WHAT PROF-FILE UFTRACE-FILE: equal "key count" lines; or else the
# first keys that differ (key, prof's count, uftrace's, - for absent), the
# shortest paths first (where the two graphs part), then how many keys are
# only in one and how many differ in count (last, as tests/run.sh shows
# the last lines), and failure
compare()
{
	cmp -s "$2" "$3" && return 0
	LC_ALL=C join -a 1 -a 2 -e - -o 0,1.2,2.2 "$2" "$3" | awk '$2 != $3' > diff.$1
	awk '{ n = gsub(/;/, ";", $1); print n, $0 }' diff.$1 | LC_ALL=C sort -k1,1n -k2,2 | cut -d' ' -f2- > diff.$1.sorted
	echo "$1 that differ (key, prof, uftrace):"
	head -n 16 diff.$1.sorted | sed 's/^/	/'
	[ "$(wc -l < diff.$1)" -le 16 ] || echo "	..."
	echo "$1: $(wc -l < diff.$1) of $(cat "$2" "$3" | cut -d' ' -f1 | LC_ALL=C sort -u | wc -l) differ:" \
		"$(awk '$3 == "-"' diff.$1 | wc -l) only in prof," \
		"$(awk '$2 == "-"' diff.$1 | wc -l) only in uftrace," \
		"$(awk '$2 != "-" && $3 != "-"' diff.$1 | wc -l) with other calls"
	return 1
}

# 1. the readers, on a program whose paths are known
gcc -O0 -finstrument-functions -o uftpaths "$TOP/tests/progs/uftpaths.c" -L"$B" -lprof -lpthread -ldl ||
	fail "cc uftpaths.c"
record ./uftpaths
sed -n 's/^ \*\t\(main[^ ]*\) \([0-9]*\)$/\1 \2/p' "$TOP/tests/progs/uftpaths.c" | LC_ALL=C sort > want.paths
[ "$(wc -l < want.paths)" -eq 12 ] || fail "uftpaths.c: want 12 paths in its comment"
same "uftpaths: prof -dr paths" want.paths prof.paths
same "uftpaths: uftrace paths" want.paths uf.paths
printf 'leaf 5\nmain 1\nping 3\npong 2\nrec 3\ntwice 2\n' > want.calls
same "uftpaths: prof calls" want.calls prof.calls
same "uftpaths: uftrace calls" want.calls uf.calls

# 2. SQLite
a=$(sh "$TOP/tools/sqlite.sh" amal "$cache" 2>amal.err) || { cat amal.err; fail "no SQLite amalgamation"; }
o=$cache/t470
cc=${CC:-gcc}
for s in sqlite3 shell; do
	sh "$TOP/tools/cached.sh" "$o/$s.o" "$cc" -O2 -finstrument-functions -DSQLITE_THREADSAFE=1 -I"$a" -c "$a/$s.c" &
done
wait || true
[ -f "$o/sqlite3.o" ] && [ -f "$o/shell.o" ] || fail "compiling SQLite failed"
"$cc" -o sqlite3 "$o/shell.o" "$o/sqlite3.o" -L"$B" -lprof -lpthread -ldl -lm || fail "linking sqlite3"
sh "$TOP/tools/sqlite.sh" sql "$N470" > work.sql
record ./sqlite3 -init work.sql t.db
[ "$(wc -l < uf.calls)" -ge 300 ] || { cat report.out | head; fail "uftrace reports fewer than 300 functions"; }
ok=0
compare calls prof.calls uf.calls || ok=1
compare paths prof.paths uf.paths || ok=1
[ $ok = 0 ] || fail "prof and uftrace differ on SQLite's shell"
echo "$(wc -l < prof.calls) functions, $(awk '{ s += $2 } END { print s }' prof.calls) calls, $(wc -l < prof.paths) paths: equal"
