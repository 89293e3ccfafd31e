#!/bin/sh
# SQLite from Debian's source package, for bench/sqlite.sh and tests/470-*.
#	sqlite.sh tree CACHE	unpack the source package under CACHE/debsrc
#				(tools/debsrc.sh) and print the tree's path
#	sqlite.sh amal CACHE	generate the amalgamation (sqlite3.c, sqlite3.h,
#				shell.c: the source package has none) with the
#				tree's own configure and make, in CACHE/sqlite-amal,
#				and print that directory; made once, then reused
#	sqlite.sh sql N		a deterministic workload for the shell: N
#				inserts into t and N/10 into u, in one
#				transaction; indexes; joins, aggregates, window
#				functions; updates and deletes; three of the
#				shell's dot commands
# As root, tcl (tclsh, which make sqlite3.c needs) is installed if missing.
# Exits 1, with one line on stderr, on failure.
top=$(cd "$(dirname "$0")/.." && pwd)

die()
{
	echo "sqlite.sh: $*" >&2
	exit 1
}

tree()
{
	sh "$top/tools/debsrc.sh" sqlite3 "$1/debsrc"
}

amal()
{
	a=$1/sqlite-amal
	if [ -f "$a/.done" ]; then
		echo "$a"
		return
	fi
	t=$(tree "$1") || exit 1
	if ! command -v tclsh >/dev/null 2>&1; then
		[ "$(id -u)" -eq 0 ] || die "make sqlite3.c needs tclsh: run apt-get install tcl as root"
		apt-get install -y -qq tcl >/dev/null 2>&1 ||
			{ apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq tcl >/dev/null 2>&1; } ||
			die "apt-get install tcl failed"
	fi
	rm -rf "$a"
	mkdir -p "$a" || die "cannot make $a"
	(cd "$a" && "$t/configure" --disable-tcl && make sqlite3.c shell.c) > "$1/sqlite-amal.log" 2>&1 ||
		{ tail -n 5 "$1/sqlite-amal.log" >&2; die "making the amalgamation failed (log: $1/sqlite-amal.log)"; }
	: > "$a/.done"
	echo "$a"
}

sql()
{
	awk -v n="$1" '
	# a linear congruential generator: the same numbers everywhere (its
	# products stay below 2^53, exact in awk'\''s doubles)
	function rnd() { seed = (seed * 69069 + 1) % 4294967296; return int(seed / 65536) }
	BEGIN {
		seed = 42
		split("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu", w, " ")
		print ".mode list"
		print ".headers off"
		print "PRAGMA synchronous=OFF;"
		print "PRAGMA journal_mode=MEMORY;"
		print "CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b TEXT, c REAL);"
		print "CREATE TABLE u(id INTEGER PRIMARY KEY, k INTEGER, name TEXT);"
		print "BEGIN;"
		for(i = 1; i <= n; i++)
			printf "INSERT INTO t(a, b, c) VALUES(%d, '\''%s-%d'\'', %d.%d);\n",
				rnd(), w[rnd() % 12 + 1], rnd() % 1000, rnd() % 1000, rnd() % 100
		for(i = 1; i <= n / 10; i++)
			printf "INSERT INTO u(k, name) VALUES(%d, '\''%s'\'');\n", i % 1000, w[rnd() % 12 + 1]
		print "COMMIT;"
		print "CREATE INDEX ta ON t(a);"
		print "CREATE INDEX tb ON t(b);"
		print "CREATE INDEX uk ON u(k);"
		print "SELECT count(*), sum(t.c) FROM t JOIN u ON u.k = t.a % 1000 WHERE t.a < 2000;"
		print "SELECT b, count(*), avg(c), max(a) FROM t WHERE a < 8000 GROUP BY b ORDER BY 2 DESC LIMIT 5;"
		print "SELECT u.name, count(*) FROM u JOIN t ON t.id = u.id GROUP BY u.name ORDER BY 1;"
		print "SELECT sum(x) FROM (SELECT a - lag(a) OVER (ORDER BY id) AS x FROM t WHERE id % 10 = 0);"
		print "SELECT max(r) FROM (SELECT rank() OVER (PARTITION BY a % 100 ORDER BY c) AS r FROM t WHERE id % 10 = 0);"
		print "SELECT count(*) FROM (SELECT avg(c) OVER (ORDER BY id ROWS BETWEEN 10 PRECEDING AND CURRENT ROW) FROM t WHERE id % 10 = 0);"
		print "BEGIN;"
		print "UPDATE t SET c = c * 2, b = upper(b) WHERE a % 7 = 0;"
		print "DELETE FROM t WHERE a % 5 = 0;"
		print "DELETE FROM u WHERE k % 3 = 0;"
		print "COMMIT;"
		print ".tables"
		print "SELECT count(*), sum(a), total(c) FROM t;"
		print "SELECT b, count(*) FROM t WHERE b LIKE '\''a%'\'' GROUP BY b ORDER BY 2 DESC LIMIT 3;"
	}'
}

case $1 in
tree|amal)
	[ -n "$2" ] || die "usage: sqlite.sh $1 CACHE"
	c=$(mkdir -p "$2" && cd "$2" && pwd) || die "cannot make $2"
	$1 "$c";;
sql)
	[ -n "$2" ] || die "usage: sqlite.sh sql N"
	sql "$2";;
*)
	echo "usage: sqlite.sh tree|amal CACHE | sql N" >&2
	exit 2;;
esac
