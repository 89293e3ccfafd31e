# The tools' library's house plan (README, "Where things live"): folders
# in the order base, sym, profile, tick, live, kern, each calling only
# folders before it; and no cycle between its files (no file calls back,
# directly or round about, into one that calls it). The calls are the
# objects' own: nm's undefined symbols of each object against the
# symbols the others define.
. "$TOP/tests/lib.sh"
order="base sym profile tick live kern"
ls "$B"/lib/*/*.o >/dev/null 2>&1 || fail "no objects under $B/lib/*/"
for o in "$B"/lib/*/*.o; do
	f=${o#"$B"/lib/}; f=${f%.o}
	nm -g --defined-only "$o" | awk -v f="$f" '$2 ~ /^[TDBRV]$/ {print $3, f}'
done | sort >defs
for o in "$B"/lib/*/*.o; do
	f=${o#"$B"/lib/}; f=${f%.o}
	nm -u "$o" | awk -v f="$f" '{print $2, f}'
done | sort >uses
join uses defs | awk '$2 != $3 {print $2, $3}' | sort -u >edges
[ -s edges ] || fail "no calls between the library's files found"
# folder arrows
awk -v order="$order" 'BEGIN {n = split(order, o, " "); for(i = 1; i <= n; i++) rank[o[i]] = i}
	{split($1, a, "/"); split($2, b, "/")
	 if(!(a[1] in rank) || !(b[1] in rank)) {print "unknown folder: " $0; bad = 1}
	 else if(rank[a[1]] < rank[b[1]]) {print "upward: " $1 " -> " $2; bad = 1}}
	END {exit bad}' edges >upward || { cat upward; fail "a folder calls one after it"; }
# no cycle: tsort reports one on stderr
tsort edges >/dev/null 2>cycle
[ -s cycle ] && { cat cycle; fail "the library's files call each other in a cycle"; }
exit 0
