# prof -b base -S: a differential flame graph of two hand-made Plan 9
# prof.out of one program: the new profile's shape,
# each frame coloured as flamegraph.pl colours a difference: by the
# change d of the path's self time (new less baseline, 0 where the
# baseline lacks the path), on the scale max = the greatest |d| of any
# path of either profile (vanished ones too): d > 0 red, rgb(255, v, v),
# d < 0 blue, rgb(v, v, 255), with v = int(210 * (max - |d|) / max);
# d = 0 white. Paths matched by names.
# Program: main 0x1000, f 0x1100, g 0x1200, h 0x1300, k 0x1400.
#	baseline (calls, ms)	self	new		self	d	colour
#	main (1, 150)		10	main (1, 117)	10	0	white
#	├── f (1, 50)		20	├── f (1, 57)	20	0	white
#	│   └── g (1, 30)	30	│   └── g (1, 37)	37	+7	int(210*43/50) = 180: rgb(255,180,180)
#	├── h (1, 40)		40	└── h (1, 50)	30	-10	int(210*40/50) = 168: rgb(168,168,255)
#	└── k (1, 50)		50	    └── k (1, 20)	20	+20	int(210*30/50) = 126: rgb(255,126,126)
# main;k vanished: d = -50, the greatest, so max = 50. The root, all,
# is white. The same colours come again from prof -F of each profile.
# Tooltips add the self time and the baseline's. A baseline saved by
# names (-N) gives the same picture; a new side saved so is refused.
. "$TOP/tests/lib.sh"

mkelf prog main=0x1000 f=0x1100 g=0x1200 h=0x1300 k=0x1400
$MKCLASSIC > base.out <<'P'
1 - 0 0 150
2 - 0x1000 1 150
- 3 0x1400 1 50
- 4 0x1300 1 40
5 - 0x1100 1 50
- - 0x1200 1 30
P
$MKCLASSIC > new.out <<'P'
1 - 0 0 117
2 - 0x1000 1 117
3 4 0x1300 1 50
- - 0x1400 1 20
5 - 0x1100 1 57
- - 0x1200 1 37
P
$PROF -b base.out -S prog new.out > diff.svg 2> err || { cat err; fail "prof -b -S: exit $?"; }
[ ! -s err ] || { cat err; fail "prof -b -S wrote to stderr"; }
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout diff.svg || fail "not well-formed XML"
else
	python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' diff.svg || fail "not well-formed XML"
fi
[ "$(grep -c '<script' diff.svg)" -eq 1 ] || fail "want the script embedded"
grep -q '>prog: Plan 9 prof.out, total 117.0 ms; self time against base.out: red grew, blue shrank</text>' diff.svg ||
	fail "title line: $(grep -m1 '<text' diff.svg)"

# the frames as drawn: path (from the preorder and the rows), fill, tooltip
frames()
{
	sed -n 's/^<g><title>\(.*\)<\/title><rect x="[^"]*" y="\([^"]*\)" width="[^"]*" height="[^"]*" fill="\([^"]*\)".*/\2	\3	\1/p' diff.svg |
	awk -F'\t' '{ n = $3; sub(/: [^:]*$/, "", n)
		if(NR == 1) { y0 = $1; print "all\t" $2 "\t" $3; next }
		d = (y0 - $1) / 16; p[d] = n; s = p[1]; for(i = 2; i <= d; i++) s = s ";" p[i]
		print s "\t" $2 "\t" $3 }'
}
frames > drawn
cat > want <<'W'
all	rgb(255,255,255)	all: 117.0 ms, 100.0%; self 0 ns, was 0 ns
main	rgb(255,255,255)	main: 117.0 ms, 100.0%, 1 call; self 10.0 ms, was 10.0 ms
main;f	rgb(255,255,255)	f: 57.0 ms, 48.7%, 1 call; self 20.0 ms, was 20.0 ms
main;f;g	rgb(255,180,180)	g: 37.0 ms, 31.6%, 1 call; self 37.0 ms, was 30.0 ms
main;h	rgb(168,168,255)	h: 50.0 ms, 42.7%, 1 call; self 30.0 ms, was 40.0 ms
main;h;k	rgb(255,126,126)	k: 20.0 ms, 17.1%, 1 call; self 20.0 ms, was 0 ns
W
same "frames, worked by hand" want drawn

# again from prof -F of each: the colour of every frame drawn
$PROF -F prog new.out > new.F && $PROF -F prog base.out > base.F || fail "prof -F: exit $?"
awk -F'\t' 'FILENAME == "new.F" || FILENAME == "base.F" {
		n = split($0, f, " "); path = substr($0, 1, length($0) - length(f[n]) - 1)
		if(FILENAME == "new.F") nw[path] = f[n]; else bs[path] = f[n]; all[path] = 1; next }
	FNR == 1 { for(q in all){ d = nw[q] - bs[q]; if(d < 0) d = -d; if(d > max) max = d } }
	{ d = nw[$1] - bs[$1]; a = d < 0 ? -d : d; v = int(210 * (max - a) / max)
		c = d > 0 ? "rgb(255," v "," v ")" : d < 0 ? "rgb(" v "," v ",255)" : "rgb(255,255,255)"
		print $1 "\t" c }' new.F base.F drawn > want.F
cut -f1,2 drawn > got.F
same "colours from prof -F" want.F got.F

# a baseline saved by names (-N) draws the same
$PROF -N prog base.out > base.names || fail "prof -N: exit $?"
$PROF -b base.names -S prog new.out 2> err | sed 's/against base.names:/against base.out:/' > names.svg || fail "prof -b names -S: exit $?"
same "-b with a baseline saved by names" diff.svg names.svg
# the new side must have calls to draw: not a profile saved by names
$PROF -N prog new.out > new.names || fail "prof -N: exit $?"
errcase "-b -S of a profile by names" '^prof: new.names: a profile saved by names has no calls to draw' \
	$PROF -b base.out -S prog new.names
