# prof.awk: a reference for prof's reports on a classic Plan 9 prof.out,
# written from the Plan 9 rules (DESIGN.md 1.1, 1.2), independently of the
# C code, for the property test. POSIX awk; runs under mawk.
#
#	awk -v mode=flat|d|r [-v end=ADDR] [-v tabstop=N] -f prof.awk SYMS LISTING
#
# SYMS: one "name addr" line per text symbol, addresses increasing; a pc
# belongs to the last symbol at or below it; the table ends, as Plan 9's,
# with a symbol etext at end (default: 16 past the last symbol, where
# mkelf ends the text), which holds every pc at or past it.
# LISTING: what tests/bin/mkclassic reads: one record per line from
# record 0, "down right pc count time", "-" for no link, numbers decimal
# or 0x hex, negative times allowed; blank and # lines are skipped.
# tabstop: the value prof would use (already resolved; default 4).
#
# Rules:
# - times and counts are 32-bit: a time negative as int32 gets the root's
#   raw time added, modulo 2^32;
# - flat: self = time - sum of the children's times, modulo 2^32; per
#   symbol, self and calls are summed modulo 2^32; total = sum of the self
#   times of nodes with a symbol (1 if 0); nodes with no symbol are left
#   out; every symbol (etext too), in address order, sorted by self time
#   alone with Plan 9's libc qsort (sys/src/libc/port/qsort.c, written
#   here again from its rules), and the rows of those with calls > 0
#   printed from the end of the sorted array;
# - d/r: depth first from the root's children, siblings oldest first (the
#   file links them newest first); "name:time" if count is 1, else
#   "name:time/count"; unknown pcs print as #hex; in d, a node with
#   children whose pc is the pc of one of its printed ancestors is
#   followed by indent(depth+1) "..." instead of its children.

BEGIN {
	TWO32 = 4294967296
	TWO31 = 2147483648
	NONE = -1
	if (tabstop == "" || tabstop + 0 <= 0)
		tabstop = 4
	tabstop += 0
	nsym = 0
	nrec = 0
}

function die(msg) {
	printf "prof.awk: %s\n", msg > "/dev/stderr"
	failed = 1
	exit 2
}

# x modulo 2^32, in [0, 2^32); exact while |x| < 2^53
function u32(x) {
	x = x % TWO32
	if (x < 0)
		x += TWO32
	return x
}

# A decimal or 0x hex number, maybe negative (awk's own conversion of hex
# strings is not portable).
function num(s,    neg, v, i) {
	neg = 0
	if (substr(s, 1, 1) == "-") {
		neg = 1
		s = substr(s, 2)
	}
	if (s ~ /^0[xX][0-9a-fA-F]+$/) {
		v = 0
		for (i = 3; i <= length(s); i++)
			v = v * 16 + index("0123456789abcdef", tolower(substr(s, i, 1))) - 1
	} else if (s ~ /^(0|[1-9][0-9]*)$/)
		v = s + 0
	else
		die("bad number '" s "'")
	return neg ? -v : v
}

function link(s) {
	return s == "-" ? NONE : num(s)
}

# Lowercase hex, no 0x, of 0 <= x < 2^32.
function hex(x,    s) {
	s = ""
	do {
		s = substr("0123456789abcdef", x % 16 + 1, 1) s
		x = int(x / 16)
	} while (x > 0)
	return s
}

# Whole numbers as decimal text; print would use OFMT past 2^31.
function dec(x) {
	return sprintf("%.0f", x)
}

FILENAME == ARGV[1] {
	if (NF == 0)
		next
	if (NF != 2)
		die("bad symbol line: " $0)
	nsym++
	sname[nsym] = $1 ""
	saddr[nsym] = num($2)
	if (nsym > 1 && saddr[nsym] <= saddr[nsym - 1])
		die("symbols not in increasing order at " $1)
	next
}

/^[ \t]*(#|$)/ {
	next
}

{
	if (NF != 5)
		die("bad record line: " $0)
	down[nrec] = link($1)
	right[nrec] = link($2)
	pc[nrec] = u32(num($3))
	count[nrec] = u32(num($4))
	time[nrec] = u32(num($5))
	nrec++
}

# Index of the symbol holding pc, or 0; nsym + 1 is etext.
function symof(x,    lo, hi, mid) {
	if (nsym == 0 || x < saddr[1])
		return 0
	if (x >= textend)
		return nsym + 1
	lo = 1
	hi = nsym
	while (lo < hi) {
		# the last symbol at or below x is in [lo, hi]
		mid = int((lo + hi + 1) / 2)
		if (saddr[mid] <= x)
			lo = mid
		else
			hi = mid - 1
	}
	return lo
}

function pcname(x,    s) {
	s = symof(x)
	return s ? sname[s] : "#" hex(x)
}

function indent(d,    w, s) {
	if (d in indentcache)
		return indentcache[d]
	w = 2 * d
	s = ""
	while (w >= tabstop) {
		s = s ".\t"
		w -= tabstop
	}
	if (w > 0) {
		s = s "."
		while (--w > 0)
			s = s " "
	}
	indentcache[d] = s
	return s
}

# Plan 9's qsort of row[lo .. lo+n-1] by acctime: pivot the middle
# element, or for n > 10 the median of those at k, 3k, 5k (k = n/6) by
# its comparisons; swap it to the front; scan up past smaller elements and
# down past larger ones, swapping the two stopping ones (equal ones stop
# both scans) until the scans cross; swap the pivot to where the downward
# scan stopped; sort both sides.
function lt(a, b) {
	return acctime[row[a]] < acctime[row[b]]
}

function xch(a, b,    t) {
	t = row[a]
	row[a] = row[b]
	row[b] = t
}

function median3(lo, n,    k, x, y, z) {
	k = int(n / 6)
	x = lo + k
	y = x + 2 * k
	z = y + 2 * k
	if (lt(x, y)) {
		if (lt(x, z))
			return lt(y, z) ? y : z
		return x
	}
	if (lt(y, z))
		return lt(x, z) ? x : z
	return y
}

function p9qsort(lo, n,    i, j, m) {
	while (n > 1) {
		xch(lo, n > 10 ? median3(lo, n) : lo + int(n / 2))
		i = lo
		j = lo + n
		for (;;) {
			do
				i++
			while (i < lo + n && lt(i, lo))
			do
				j--
			while (j > lo && lt(lo, j))
			if (j < i)
				break
			xch(i, j)
		}
		xch(lo, j)
		m = j - lo
		p9qsort(lo, m)
		lo = j + 1
		n -= m + 1
	}
}

function flat(    sp, stack, i, c, self, s, total, n, j, k, t) {
	total = 0
	sp = 0
	for (c = down[0]; c != NONE; c = right[c])
		stack[++sp] = c
	while (sp > 0) {
		i = stack[sp--]
		if (i in seen)
			die("record " i " reached twice")
		seen[i] = 1
		self = time[i]
		for (c = down[i]; c != NONE; c = right[c]) {
			self -= time[c]
			stack[++sp] = c
		}
		self = u32(self)
		s = symof(pc[i])
		if (s == 0)
			continue	# unknown pcs are not in the flat report
		acctime[s] = u32(acctime[s] + self)
		calls[s] = u32(calls[s] + count[i])
		total = u32(total + self)
	}
	if (total == 0)
		total = 1
	for (s = 1; s <= nsym + 1; s++) {
		row[s] = s
		acctime[s] += 0
	}
	p9qsort(1, nsym + 1)
	printf "  %%     Time     Calls  Name\n"
	for (k = nsym + 1; k >= 1; k--) {
		s = row[k]
		if (calls[s] == 0)
			continue
		printf "%4.1f %8.3f %8s\t%s\n", 100.0 * acctime[s] / total, acctime[s] / 1000.0,
			dec(calls[s]), sname[s]
	}
}

# Push the children of node i, at depth d, so that the oldest pops first:
# the file lists them newest first, so push in file order.
function pushkids(i, d,    c) {
	for (c = down[i]; c != NONE; c = right[c]) {
		sp++
		stack[sp] = c
		depth[sp] = d
	}
}

# The call graph; compress: 1 for -d, 0 for -r. An entry -1-i on the stack
# means "leaving node i": its pc is no longer an ancestor.
function graph(compress,    i, d, key, line) {
	sp = 0
	pushkids(0, 0)
	while (sp > 0) {
		i = stack[sp]
		d = depth[sp]
		sp--
		if (i < 0) {
			ancestors[dec(pc[-1 - i])]--
			continue
		}
		if (i in seen)
			die("record " i " reached twice")
		seen[i] = 1
		line = indent(d) pcname(pc[i]) ":" dec(time[i])
		if (count[i] != 1)
			line = line "/" dec(count[i])
		print line
		if (down[i] == NONE)
			continue
		key = dec(pc[i])
		if (compress && ancestors[key] > 0) {
			print indent(d + 1) "..."
			continue
		}
		ancestors[key]++
		sp++
		stack[sp] = -1 - i
		pushkids(i, d + 1)
	}
}

END {
	if (failed)
		exit 2
	if (nrec == 0)
		die("no records")
	textend = end != "" ? num(end) : nsym > 0 ? saddr[nsym] + 16 : 0
	sname[nsym + 1] = "etext"
	# functions active at the dump: time holds -start
	for (i = 1; i < nrec; i++)
		if (time[i] >= TWO31)
			time[i] = u32(time[i] + time[0])
	if (mode == "flat")
		flat()
	else if (mode == "d")
		graph(1)
	else if (mode == "r")
		graph(0)
	else
		die("mode must be flat, d or r")
}
