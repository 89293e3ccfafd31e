# prof -S's embedded script, driven in headless Chromium by puppeteer-core
# (npm) on a hand-made Plan 9 prof.out, so every width is known.
# Program: main 0x1000, f 0x1100, g 0x1200, h 0x1300, k 0x1400.
# Tree (calls, ms), siblings in call order, left to right:
#	all (100)
#	└── main (1, 100)		self 10
#	    ├── f (2, 50)		self 10
#	    │   ├── g (3, 30)		self 30
#	    │   └── f (1, 10)		self 0
#	    │       └── g (1, 10)	self 10
#	    └── h (1, 40)		self 20
#	        └── g (2, 20)		self 18
#	            └── k (1, 2)	self 2
# Frames span 1200 - 2*10 = 1180 px at 11.8 px per ms: all and main 1180,
# f 590 at x 10, h 472 at x 600; under f: g 354 at 10, f 118 at 364;
# k 23.6 at 600, too narrow for a label (flame.c: (23.6 - 6) / 7.3 < 3
# characters).
# Clicking f zooms it to 1180 px (ratio 1180/590 = 2): its g 708 px at
# 10, the inner f 236 at 718 and its g 236 at 718; main and all stay
# 1180 wide (dimmed), h and its g are hidden. Clicking the inner f (10
# ms) then: it and its g 1180, the outer f, main and all 1180 too, the
# other g hidden. "Reset zoom" restores every frame as drawn. Clicking
# h (ratio 2.5): its g 590 at 10, k 59 at 10, now labelled "k"; the
# reset takes the label away again.
# Search: a regular expression on names; matching frames get the fill
# rgb(230,0,230) and the matched share counts a frame once even where a
# match stands on a match (by hand: ^g$ matches the 3 g's, 30+10+20 =
# 60 ms of 100: "Matched: 60.0%"; ^f$ the 2 f's, the inner under the
# outer: 50%; f|h: f, inner f, h: 50+40 = 90%; g|k: the g's, k on one:
# 60%). The same shares come
# again from prof -F: the self times of the paths holding a match, over
# the total. Control-F searches too (^h$: 40%); Escape resets search and
# zoom. Hover: the status line shows the frame's tooltip. Without
# script (JavaScript off) the whole graph is drawn as it was.
. "$TOP/tests/lib.sh"

command -v chromium >/dev/null 2>&1 || skip "chromium not found (apt-get install chromium)"
command -v node >/dev/null 2>&1 || skip "node not found (apt-get install nodejs npm)"
# puppeteer-core, once per build tree
nm=$B/node/node_modules
if [ ! -d "$nm/puppeteer-core" ]; then
	mkdir -p "$B/node" && (cd "$B/node" && timeout 120 npm install --no-audit --no-fund puppeteer-core >npm.log 2>&1) ||
		skip "npm install puppeteer-core failed: $(tail -n 1 "$B/node/npm.log")"
fi

mkelf prog main=0x1000 f=0x1100 g=0x1200 h=0x1300 k=0x1400
$MKCLASSIC > prof.out <<'P'
1 - 0 0 100
2 - 0x1000 1 100
3 4 0x1300 1 40
8 - 0x1200 2 20
5 - 0x1100 2 50
6 7 0x1100 1 10
- - 0x1200 1 10
- - 0x1200 3 30
- - 0x1400 1 2
P
$PROF -S prog prof.out > flame.svg 2> err || { cat err; fail "prof -S: exit $?"; }
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout flame.svg || fail "prof -S: not well-formed XML"
else
	python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' flame.svg || fail "prof -S: not well-formed XML"
fi
grep -Eiq 'href|url\(|@import|src=' flame.svg && fail "prof -S: the SVG refers to another file"
[ "$(grep -c '<script' flame.svg)" -eq 1 ] || fail "prof -S: want one embedded script"

# the shares of the searches, from prof -F: self times of the paths
# holding a match, over the total (all, 100 ms)
$PROF -F prog prof.out > folded || fail "prof -F: exit $?"
share()
{
	awk -v re="$1" '{ n = split($1, f, ";"); hit = "all" ~ re
		for(i = 1; i <= n; i++) if(f[i] ~ re) hit = 1
		if(hit) s += $2 }
		END { printf "Matched: %.1f%%\n", 100 * s / 100000000 }' folded
}
[ "$(share '^g$')" = "Matched: 60.0%" ] && [ "$(share '^f$')" = "Matched: 50.0%" ] &&
	[ "$(share 'f|h')" = "Matched: 90.0%" ] && [ "$(share 'g|k')" = "Matched: 60.0%" ] && [ "$(share '^h$')" = "Matched: 40.0%" ] || fail "prof -F does not give the shares worked by hand"

cat > drive.js <<'J'
const puppeteer = require(process.env.NM + '/puppeteer-core');
const want = JSON.parse(process.argv[3]);
let bad = 0;
function check(what, ok, got) { if(!ok){ console.log('FAIL: ' + what + ': ' + JSON.stringify(got)); bad = 1; } }
// every frame: its name (from the tooltip), box on the page, fill, shown
async function frames(page) {
	return page.evaluate(() => Array.from(document.getElementsByTagName('g')).map(g => {
		const r = g.getElementsByTagName('rect')[0], b = r.getBoundingClientRect(), t = g.getElementsByTagName('text')[0];
		return {name: g.getElementsByTagName('title')[0].textContent.replace(/: [^:]*$/, ''),
			x: b.left, w: b.width, fill: r.getAttribute('fill'), label: t ? t.textContent : '',
			shown: getComputedStyle(g).display != 'none' && b.width > 0};
	}));
}
function near(a, b) { return Math.abs(a - b) <= 1; }
// the frames by name and order of appearance: g1 (under f), g2 (under the inner f), g3 (under h)
function named(fs) {
	const m = {}, n = {};
	for(const f of fs){ n[f.name] = (n[f.name] || 0) + 1; m[f.name + n[f.name]] = f; }
	return m;
}
function geom(what, fs, w) {
	const m = named(fs);
	for(const k in w){
		const f = m[k], e = w[k];
		if(e === null)
			check(what + ': ' + k + ' hidden', !f.shown, f);
		else
			check(what + ': ' + k + ' at ' + e[0] + ' width ' + e[1], f.shown && near(f.x, e[0]) && near(f.w, e[1]), f);
	}
}
async function textof(page, s) {
	return page.evaluate(s => { for(const t of document.getElementsByTagName('text')) if(t.textContent.match(s)) return t.textContent; return null; }, s);
}
async function clickframe(page, name, nth) {
	const b = await page.evaluate((name, nth) => {
		for(const g of document.getElementsByTagName('g'))
			if(g.getElementsByTagName('title')[0].textContent.replace(/: [^:]*$/, '') == name && --nth == 0){
				const b = g.getElementsByTagName('rect')[0].getBoundingClientRect();
				return [b.left + b.width / 2, b.top + b.height / 2];
			}
	}, name, nth);
	await page.mouse.click(b[0], b[1]);
}
async function clicktext(page, s) {
	const b = await page.evaluate(s => { for(const t of document.getElementsByTagName('text')) if(t.textContent == s){
		const b = t.getBoundingClientRect(); return [b.left + b.width / 2, b.top + b.height / 2]; } }, s);
	if(!b){ check('no "' + s + '" to click', false, s); return; }
	await page.mouse.click(b[0], b[1]);
}
(async () => {
	const browser = await puppeteer.launch({executablePath: '/usr/bin/chromium', headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--user-data-dir=' + process.cwd() + '/ud']});
	const url = 'file://' + process.argv[2];
	// without script: every frame drawn where prof put it
	let page = await browser.newPage();
	await page.setViewport({width: 1200, height: 300});
	await page.setJavaScriptEnabled(false);
	await page.goto(url);
	geom('no script', await frames(page), want.full);
	await page.close();

	page = await browser.newPage();
	await page.setViewport({width: 1200, height: 300});
	page.on('pageerror', e => check('script error', false, String(e)));
	await page.goto(url);
	const orig = await frames(page);
	geom('loaded', orig, want.full);
	// hover
	const hb = await page.evaluate(() => Array.from(document.getElementsByTagName('g')).find(g =>
		g.getElementsByTagName('title')[0].textContent.startsWith('h: ')).getBoundingClientRect().toJSON());
	await page.mouse.move(hb.left + hb.width / 2, hb.top + hb.height / 2);
	check('hover h: status line', await textof(page, '^h: 40.0 ms, 40.0%, 1 call$') !== null, await textof(page, '^h: '));
	// zoom on f, then on the inner f, then reset
	await clickframe(page, 'f', 1);
	geom('zoom f', await frames(page), want.zoomf);
	await clickframe(page, 'f', 2);
	geom('zoom inner f', await frames(page), want.zoomff);
	await clicktext(page, 'Reset zoom');
	const back = await frames(page);
	geom('reset', back, want.full);
	check('reset: labels as drawn', JSON.stringify(back.map(f => f.label)) == JSON.stringify(orig.map(f => f.label)), back.map(f => f.label));
	check('k unlabelled', named(orig)['k1'].label == '', named(orig)['k1']);
	await clickframe(page, 'h', 1);
	const zh = await frames(page);
	geom('zoom h', zh, want.zoomh);
	check('zoom h: k labelled', named(zh)['k1'].label == 'k', named(zh)['k1']);
	await clicktext(page, 'Reset zoom');
	const back2 = await frames(page);
	geom('reset', back2, want.full);
	check('reset: labels as drawn', JSON.stringify(back2.map(f => f.label)) == JSON.stringify(orig.map(f => f.label)), back2.map(f => f.label));
	// search, through the Search button's prompt
	for(const s of want.search){
		page.once('dialog', d => d.accept(s.re));
		await clicktext(page, 'Search');
		const fs = await frames(page), re = new RegExp(s.re);
		for(const f of fs)
			check('search ' + s.re + ': ' + f.name + (re.test(f.name) ? ' highlighted' : ' not highlighted'),
				(f.fill == 'rgb(230,0,230)') == re.test(f.name), f);
		check('search ' + s.re + ': ' + s.matched, await textof(page, '^Matched: ') == s.matched, await textof(page, '^Matched: '));
		await clicktext(page, 'Reset search');
		const after = await frames(page);
		check('search reset: fills as drawn', JSON.stringify(after.map(f => f.fill)) == JSON.stringify(orig.map(f => f.fill)), after);
	}
	// the keys: control-F searches (^h$: h, 40%), Escape resets search and zoom
	await clickframe(page, 'f', 1);
	page.once('dialog', d => d.accept('^h$'));
	await page.keyboard.down('Control');
	await page.keyboard.press('f');
	await page.keyboard.up('Control');
	check('control-F ^h$: ' + want.keyh, await textof(page, '^Matched: ') == want.keyh, await textof(page, '^Matched: '));
	await page.keyboard.press('Escape');
	const esc = await frames(page);
	geom('Escape', esc, want.full);
	check('Escape: fills as drawn', JSON.stringify(esc.map(f => f.fill)) == JSON.stringify(orig.map(f => f.fill)), esc);
	check('Escape: no share shown', await textof(page, '^Matched: ') === null, await textof(page, '^Matched: '));
	await browser.close();
	process.exit(bad);
})().catch(e => { console.log('FAIL: ' + e); process.exit(1); });
J
# where each frame is (left, width in px; null: hidden), worked by hand above
full='"all1":[10,1180],"main1":[10,1180],"f1":[10,590],"g1":[10,354],"f2":[364,118],"g2":[364,118],"h1":[600,472],"g3":[600,236],"k1":[600,23.6]'
zoomf='"all1":[10,1180],"main1":[10,1180],"f1":[10,1180],"g1":[10,708],"f2":[718,236],"g2":[718,236],"h1":null,"g3":null,"k1":null'
zoomff='"all1":[10,1180],"main1":[10,1180],"f1":[10,1180],"g1":null,"f2":[10,1180],"g2":[10,1180],"h1":null,"g3":null,"k1":null'
zoomh='"all1":[10,1180],"main1":[10,1180],"f1":null,"g1":null,"f2":null,"g2":null,"h1":[10,1180],"g3":[10,590],"k1":[10,59]'
search=$(for re in '^g$' '^f$' 'f|h' 'g|k'; do printf '{"re":"%s","matched":"%s"},' "$re" "$(share "$re")"; done)
want="{\"full\":{$full},\"zoomf\":{$zoomf},\"zoomff\":{$zoomff},\"zoomh\":{$zoomh},\"search\":[${search%,}],\"keyh\":\"$(share '^h$')\"}"
HOME=$PWD NM=$nm timeout 60 node drive.js "$PWD/flame.svg" "$want" > drive.out 2>&1 || { cat drive.out; fail "driving the flame graph in chromium"; }
