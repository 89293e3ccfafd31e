# A symlink planted at prof.<pid> (tests/progs/plant.c makes it itself):
# the file it points to is untouched (or, dangling, not created), and
# prof.<pid> becomes a regular file of mode 0666 less the umask, with the
# profile; no temporary file is left.
. "$TOP/tests/lib.sh"

rtcc plant "$TOP/tests/progs/plant.c"
umask 022
printf 'precious\n' > victim
cp victim victim.orig
chmod 600 victim
printf 'main 1\nwork 3\n' > want.flat
for target in victim "$(pwd)/victim" newfile; do
	rm -f prof.*
	./plant "$target" > out 2> err || fail "$target: exit $?"
	[ ! -s err ] || fail "$target: stderr $(cat err)"
	p=prof.$(cat out)
	[ -f "$p" ] && [ ! -L "$p" ] || fail "$target: $p is not a regular file: $(ls -l "$p")"
	cmp -s victim victim.orig || fail "$target: victim changed"
	[ "$(stat -c %a victim)" = 600 ] || fail "$target: victim's mode changed"
	[ ! -e newfile ] || fail "$target: newfile was created"
	[ "$(stat -c %a "$p")" = 644 ] || fail "$target: $p has mode $(stat -c %a "$p"), want 644"
	calls plant "$p" > got.flat
	same "$target: calls" want.flat got.flat
	[ -z "$(ls -A | grep -v -e '^prof\.[0-9]*$' -e '^plant$' -e '^victim' -e '^out$' -e '^err$' -e '^calls\.' -e '^got\.flat$' -e '^want\.flat$')" ] ||
		fail "$target: left behind: $(ls -A)"
done
