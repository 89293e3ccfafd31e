# Two coroutines taking turns, each switching straight to the other from
# inside nested calls (tests/progs/ucpair.c), then ending to main through
# uc_link: each coroutine's calls are under its own start function, their
# frames kept across the other's turns; main's under main. Counts by
# construction and as the program counts them, in every proftype.
. "$TOP/tests/lib.sh"

printf 'main 1\nrun 2\nping 1\npong 1\npingstep 500\npongstep 500\npingwork 500\npongwork 500\npass 1000\n' > want.own
printf 'main 1\nmake 2\npass 1000\nping 1\npingstep 500\npingwork 500\npong 1\npongstep 500\npongwork 500\nrun 2\n' > want.flat
tree > want.r <<'E2'
0 main 1
1 make 2
1 run 2
0 ping 1
1 pingstep 500
2 pingwork 500
2 pass 500
0 pong 1
1 pongstep 500
2 pongwork 500
2 pass 500
E2
rtcc ucpair "$TOP/tests/progs/ucpair.c"
for type in user kernel elapsed sample; do
	rm -f prof.*
	proftype=$type ./ucpair > out || fail "$type: exit $?"
	tr ' ' '\n' < out | paste -d ' ' - - > got.own
	same "$type: the program's own counts" want.own got.own
	p=$(profile)
	calls ucpair "$p" > got.flat
	same "$type: calls" want.flat got.flat
	graph -r ucpair "$p" > got.r
	same "$type: prof -dr" want.r got.r
done
