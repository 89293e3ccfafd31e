# gentree.awk: a random valid classic prof.out, as text, for the property test.
#
#	awk -v seed=S -v n=NODES -v nsym=K [-v chain=P] [-v maxdepth=D]
#	    [-v recur=P] [-v unknown=P] [-v inside=P] [-v small=1]
#	    -v out=PREFIX -f gentree.awk
#
# Writes PREFIX.syms ("name addr" per text symbol, increasing; mkelf ends
# the text 16 bytes past the last one) and PREFIX.lst (mkclassic's input).
# The tree has n nodes counting the root (n >= 1). Each new node hangs
# under the newest node with probability chain (deep chains, up to
# maxdepth), else under a random node. Its pc is an ancestor's pc with
# probability recur (so -d compresses), an unknown pc with probability
# unknown, a pc inside a function with probability inside, else a
# symbol's address. Counts are mostly 1, some 0, some near 2^32. Times are
# mostly the children's sum plus a little, some negative (active at the
# dump), a few garbage (children longer than the parent); small=1 keeps
# self times tiny so the flat report has ties. Records are laid out in a
# random order after the root, followed by a few unreachable junk records.

function irand(m) {	# 0 <= irand(m) < m
	return int(rand() * m)
}

function hex(x,    s) {
	s = ""
	do {
		s = substr("0123456789abcdef", x % 16 + 1, 1) s
		x = int(x / 16)
	} while (x > 0)
	return "0x" s
}

function lnk(k) {	# the record index of node k, or "-"
	return k < 0 ? "-" : idx[k]
}

BEGIN {
	srand(seed)
	if (n < 1)
		n = 1
	if (nsym < 1)
		nsym = 1
	if (chain == "")
		chain = 0.3
	if (maxdepth == "")
		maxdepth = 200
	if (recur == "")
		recur = 0.15
	if (unknown == "")
		unknown = 0.05
	if (inside == "")
		inside = 0.15
	syms = out ".syms"
	lst = out ".lst"

	# symbols: varied spacing; names whose order is not the address order
	split("ba ko mi zu re ta no he yu sa", syl, " ")
	addr = 4096	# 0x1000
	for (s = 1; s <= nsym; s++) {
		gap[s] = s < nsym ? 16 * (1 + irand(4)) : 16
		sa[s] = addr
		name = syl[1 + irand(10)] syl[1 + irand(10)] "_" s
		printf "%s %s\n", name, hex(addr) > syms
		addr += gap[s]
	}
	textend = addr
	nbad = split("0 16 4095 " textend " " (textend + 256) " 3735928559 4294967280", bad, " ")

	# the tree: par, dep, pc, children newest first via first/older
	dep[0] = 0
	par[0] = -1
	first[0] = -1
	pc[0] = 0
	count[0] = 0
	for (k = 1; k < n; k++) {
		if (rand() < chain)
			p = k - 1
		else
			p = irand(k)
		while (dep[p] >= maxdepth)
			p = par[p]
		par[k] = p
		dep[k] = dep[p] + 1
		first[k] = -1
		older[k] = first[p]
		first[p] = k

		r = rand()
		if (p > 0 && r < recur) {
			a = p
			for (up = irand(5); up > 0 && par[a] > 0; up--)
				a = par[a]
			pc[k] = pc[a]
		} else if (r < recur + unknown)
			pc[k] = bad[1 + irand(nbad)]
		else {
			s = 1 + irand(nsym)
			pc[k] = sa[s]
			if (r < recur + unknown + inside)
				pc[k] += irand(gap[s])
		}

		r = rand()
		if (r < 0.5)
			count[k] = 1
		else if (r < 0.55)
			count[k] = 0
		else if (r < 0.58)
			count[k] = 4294967295 - irand(3)
		else
			count[k] = 2 + irand(1000)
	}

	# times, leaves first (a child is always newer than its parent). Most
	# nodes take their children's time plus a little; an active one stores
	# that less the root's time (negative); a few take garbage: a child
	# longer than its parent, or a negative time that stays negative.
	roottime = rand() < 0.2 ? 2147483648 + irand(2147483648) : 100000000 + irand(100000000)
	for (k = n - 1; k >= 1; k--) {
		r = rand()
		if (r < 0.05)
			eff = raw = irand(small ? 4 : 1000000)
		else if (r < 0.08) {
			raw = -(1 + irand(small ? 10 : rand() < 0.5 ? 100000000 : 2147483647))
			eff = raw + roottime
		} else {
			eff = kidsum[k] + irand(small ? 3 : 1000)
			raw = r < 0.2 ? eff - roottime : eff
		}
		time[k] = raw
		kidsum[par[k]] += eff
	}
	time[0] = roottime

	# layout: root at 0, the rest shuffled, then junk nobody links to
	for (k = 1; k < n; k++)
		slot[k] = k
	for (k = n - 1; k > 1; k--) {
		j = 1 + irand(k)
		t = slot[k]
		slot[k] = slot[j]
		slot[j] = t
	}
	idx[0] = 0
	for (k = 1; k < n; k++) {
		idx[slot[k]] = k
		node[k] = slot[k]
	}
	node[0] = 0
	printf "# seed %s n %d nsym %d\n# down right pc count time\n", seed, n, nsym > lst
	for (r = 0; r < n; r++) {
		k = node[r]
		printf "%s %s %s %.0f %.0f\n", lnk(first[k]), lnk(k == 0 ? -1 : older[k]),
			hex(pc[k]), count[k], time[k] > lst
	}
	for (j = irand(4); j > 0; j--)
		printf "%d %s 0x%x 7 -3\n", irand(n + 5), rand() < 0.5 ? "-" : irand(n + 5), irand(65536) > lst
}
