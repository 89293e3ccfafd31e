# prof -S on a real run of tests/progs/flame.cc (proftype user): the SVG
# is well-formed (xmllint) and self-contained (no links; its script is
# embedded, tested by 256), and
# headless Chromium, opening it as a file, shows what the program's
# comment says by construction. A probe script added to a copy of the
# file reports each frame's rendered box and label (getBoundingClientRect);
# on the page: the title line names the program and proftype; every
# frame of the tree (all, main, cold(), hot(int&), warm(), and the three
# void burn<N>()) is there with its whole name visible inside its box
# (C++'s < > & shown, not their escapes); each frame stands on its
# caller (root at the bottom) within its caller's width; hot's frame is
# the widest of main's children and 3 times cold's (within 20%: CPU time
# of busy loops), warm's 2 times; tooltips give time, percentage and calls
# (5, but main's 1),
# the percentage agreeing with the drawn width. Chromium also saves a
# screenshot, a PNG of the picture's width.
. "$TOP/tests/lib.sh"

command -v g++ >/dev/null 2>&1 || skip "g++ not found (apt-get install g++)"
command -v xmllint >/dev/null 2>&1 || skip "xmllint not found (apt-get install libxml2-utils)"
command -v chromium >/dev/null 2>&1 || skip "chromium not found (apt-get install chromium)"

CC=g++ rtcc flame "$TOP/tests/progs/flame.cc"
[ "$(proftype=user ./flame)" = 30 ] || fail "flame: exit status or output"
p=$(profile)
$PROF -S flame "$p" > flame.svg 2> err || { cat err; fail "prof -S: exit $?"; }
xmllint --noout flame.svg || fail "prof -S: not well-formed XML"
grep -Eiq 'href|url\(|@import|src=' flame.svg && fail "prof -S: the SVG is not self-contained"
head -c 200 flame.svg | grep -q '<svg xmlns="http://www.w3.org/2000/svg"' || fail "prof -S: no <svg> element"

# the probe: one line per frame, tab-separated: tooltip, rect left top
# width height, label, label left width; and the title line's text and width
cat > probe.js <<'P'
window.addEventListener('load', function(){
	var out = [], gs = document.getElementsByTagName('g'), ts, i, g, r, t, rb, tb, d;
	for(i = 0; i < gs.length; i++){
		g = gs[i];
		r = g.getElementsByTagName('rect')[0];
		t = g.getElementsByTagName('text')[0];
		rb = r.getBoundingClientRect();
		tb = t ? t.getBoundingClientRect() : {left: 0, width: 0};
		out.push(['F', g.getElementsByTagName('title')[0].textContent, rb.left, rb.top, rb.width, rb.height,
			t ? t.textContent : '', tb.left, tb.width].join('\t'));
	}
	ts = document.documentElement.children;
	for(i = 0; i < ts.length; i++)
		if(ts[i].tagName == 'text')
			out.push(['T', ts[i].textContent, ts[i].getBoundingClientRect().width].join('\t'));
	d = document.createElementNS('http://www.w3.org/2000/svg', 'desc');
	d.setAttribute('id', 'probe');
	d.textContent = '\n' + out.join('\n') + '\n';
	document.documentElement.appendChild(d);
});
P
{ sed '$d' flame.svg; printf '<script><![CDATA[\n'; cat probe.js; printf ']]></script>\n'; tail -n 1 flame.svg; } > probe.svg
h=$(sed -n 's/.*<svg [^>]* height="\([0-9]*\)".*/\1/p' flame.svg)
chrome()
{
	HOME=$PWD timeout 60 chromium --headless --disable-gpu --no-sandbox --user-data-dir="$PWD/ud" \
		--window-size=1200,"$h" "$@" 2> chromium.err
}
chrome --dump-dom "file://$PWD/probe.svg" > dom || skip "chromium does not run here: $(grep -v -e dbus -e '^$' chromium.err | tail -n 1)"
sed -n '/<desc id="probe">/,/<\/desc>/p' dom | sed -e '1d' -e '$d' \
	-e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g' > seen
grep -q '^F' seen || { head -c 2000 dom; fail "chromium: the probe did not run"; }

# frames by name: name, left, top, width, label, label left, label width
awk -F'\t' '$1 == "F" { n = $2; sub(/: [^:]*$/, "", n); print n "\t" $3 "\t" $4 "\t" $5 "\t" $7 "\t" $8 "\t" $9 }' seen > frames
for f in 'all' 'main' 'cold()' 'hot(int&)' 'warm()' 'void burn<1>()' 'void burn<2>()' 'void burn<3>()'; do
	[ "$(awk -F'\t' -v f="$f" '$1 == f' frames | wc -l)" -eq 1 ] || { cat seen; fail "frame $f: not shown once"; }
done
[ "$(wc -l < frames)" -eq 8 ] || { cat seen; fail "want 8 frames"; }
# labels: the whole name, drawn (nonzero width) inside the box
awk -F'\t' '$5 != $1 || $7 <= 0 || $6 < $2 || $6 + $7 > $2 + $4 + 0.5 {
	print "frame " $1 ": label \"" $5 "\" at " $6 " width " $7 ", box at " $2 " width " $4; bad = 1 }
	END { exit bad }' frames || fail "labels not visible in their frames"
# the title line
awk -F'\t' '$1 == "T" && $2 ~ /^flame: proftype user, total [0-9.]+ m?s$/ && $3 > 0 { ok = 1 } END { exit !ok }' seen ||
	{ grep '^T' seen; fail "no title line naming flame and proftype user"; }

# geometry: each frame one row above its caller, within its width; hot the widest child
awk -F'\t' '
	{ x[$1] = $2; y[$1] = $3; w[$1] = $4 }
	function on(c, p) {
		if(y[c] > y[p] - 15 || y[c] < y[p] - 17 || x[c] < x[p] - 0.01 || x[c] + w[c] > x[p] + w[p] + 0.01){
			print c " (" x[c] "," y[c] " w " w[c] ") does not stand on " p " (" x[p] "," y[p] " w " w[p] ")"
			bad = 1
		}
	}
	END {
		on("main", "all"); on("cold()", "main"); on("hot(int&)", "main"); on("warm()", "main")
		on("void burn<1>()", "cold()"); on("void burn<3>()", "hot(int&)"); on("void burn<2>()", "warm()")
		if(!(w["hot(int&)"] > w["warm()"] && w["warm()"] > w["cold()"])){ print "hot is not the widest"; bad = 1 }
		r = w["hot(int&)"] / w["cold()"]
		if(r < 2.4 || r > 3.6){ print "hot/cold " r ", want 3 within 20%"; bad = 1 }
		r = w["warm()"] / w["cold()"]
		if(r < 1.6 || r > 2.4){ print "warm/cold " r ", want 2 within 20%"; bad = 1 }
		printf "widths: all %.1f, hot %.1f, warm %.1f, cold %.1f px; hot/cold %.2f\n",
			w["all"], w["hot(int&)"], w["warm()"], w["cold()"], w["hot(int&)"] / w["cold()"] > "widths"
		exit bad
	}' frames || { cat seen; fail "frames misplaced"; }
cat widths
# tooltips: "name: time, percentage%, calls"; the percentage is the width's share of all's
awk -F'\t' '$1 == "F" {
	n = $2; sub(/: [^:]*$/, "", n)
	if(n == "all") { aw = $5; next }
	t[n] = $2; w[n] = $5 }
	END {
		for(n in t){
			s = t[n]; sub(/.*: /, "", s)
			c = n == "main" ? "1 call" : "5 calls"
			if(s !~ /^[0-9.]+ (ns|us|ms|s), [0-9.]+%, [0-9]+ calls?$/ || s !~ ", " c "$"){ print "tooltip: " t[n] ", want " c; bad = 1; continue }
			split(s, f, ", "); pc = f[2]; sub(/%/, "", pc)
			d = pc / 100 * aw - w[n]; if(d < 0) d = -d
			if(d > 1.5){ print n ": tooltip " pc "%, width " w[n] " of " aw; bad = 1 }
		}
		exit bad
	}' seen || fail "tooltips"

# what a person sees: a screenshot of the file as it is
chrome --screenshot="$PWD/shot.png" "file://$PWD/flame.svg" > /dev/null || fail "chromium --screenshot: exit $?"
[ "$(od -An -c -j1 -N3 shot.png | tr -d ' ')" = PNG ] || fail "screenshot: not a PNG"
[ "$(od -An -tu1 -j16 -N4 shot.png | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }')" -eq 1200 ] ||
	fail "screenshot: not 1200 pixels wide"
