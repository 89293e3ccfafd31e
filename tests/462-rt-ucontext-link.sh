# Coroutines that end by returning (tests/progs/uclink.c): libc then
# switches to their uc_link itself, which the runtime sees (the start
# function returns through it): a first coroutine's uc_link is a second
# one, whose uc_link is main. Each is a path of its own; main's calls
# after the coroutines ended are under main (runco, after), not under a
# coroutine; a stack made again starts afresh. Counts by construction
# and as the program counts them, dynamic and static.
. "$TOP/tests/lib.sh"

printf 'after 100\nfirst 100\nmain 1\nrunco 100\nsecond 100\nwork1 300\nwork2 100\n' > want.own
printf 'after 100\nfirst 100\nmain 1\nmake 200\nrunco 100\nsecond 100\nwork1 300\nwork2 100\n' > want.flat
tree > want.r <<'E2'
0 main 1
1 runco 100
2 make 200
1 after 100
0 first 100
1 work1 300
0 second 100
1 work2 100
E2
for link in dynamic static; do
	rm -f prof.*
	if [ $link = static ]; then
		rtcc uclink "$TOP/tests/progs/uclink.c" -static 2> cc.err || continue
	else
		rtcc uclink "$TOP/tests/progs/uclink.c"
	fi
	./uclink > out || fail "$link: exit $?"
	tr ' ' '\n' < out | paste -d ' ' - - > got.own
	same "$link: the program's own counts" want.own got.own
	p=$(profile)
	calls uclink "$p" > got.flat
	same "$link: calls" want.flat got.flat
	graph -r uclink "$p" > got.r
	same "$link: prof -dr" want.r got.r
done
