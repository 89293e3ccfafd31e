# prof() in a forked child (tests/progs/profchild.c): the child's
# prof.<childpid> has the calls of fn and below only; the parent's
# prof.<pid> has the parent's calls only; the child exits normally.
. "$TOP/tests/lib.sh"

rtcc profchild "$TOP/tests/progs/profchild.c"
./profchild > out || fail "exit $?"
[ "$(sed -n 3p out)" = "status 0" ] || fail "child: $(sed -n 3p out)"
child=$(sed -n 's/^child //p' out)
parent=$(sed -n 's/^parent //p' out)
[ -n "$child" ] && [ -n "$parent" ] || fail "output: $(cat out)"
[ "$(ls prof.* | LC_ALL=C sort)" = "$(printf 'prof.%s\n' $child $parent | LC_ALL=C sort)" ] ||
	fail "profiles: $(ls prof.*), want prof.$child and prof.$parent"

printf 'fn 1\ng 7\nh 7\n' > want.child
calls profchild prof.$child > got.child
same "child's calls" want.child got.child
tree > want.d <<'E'
0 fn 1
1 g 7
2 h 7
E
graph profchild prof.$child > got.d
same "child's tree" want.d got.d

printf 'main 1\np 2\n' > want.parent
calls profchild prof.$parent > got.parent
same "parent's calls" want.parent got.parent
