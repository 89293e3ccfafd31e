# kprof on Plan 9 kpdata: a bucket goes to the symbol holding its last
# byte. kprof.c divides (symbol - KTZERO) by 8, truncating, and gives the
# words below that to the symbol before: so the bucket holding a symbol's
# first byte is that symbol's (tprof gives it to the one before). Its loop
# also starts with the first symbol as both "before" and "next": the words
# from 2 up to the first symbol's own are its, in a row of their own, and
# the table's last symbol (etext, at _etext) gets none.
# Kernel: _text = KTZERO (not a text symbol: A), first at +0x20, second at
# +0x64 (not 8-aligned), _etext +0x100: 32 words.
#	iteration 0: words [2, 0x20/8 = 4) to first: w2 = 3, w3 = 1	-> 4
#	iteration 1: words [4, 0x64/8 = 12) to first: w4 = 2, w11 = 3	-> 5
#	iteration 2: words [12, 0x100/8 = 32) to second: w12 = 6 (the
#	  bucket [0x60, 0x68) holding second's first byte), w31 = 1	-> 7
#	total 20, outside 4: in kernel text 16
# Rows [first4 first5 second7]; the sort: pivot 1 (first5) to the front:
# [first5 first4 second7]; i passes first4, stops at 2; j passes second7,
# stops at 1: crossed; pivot to 1: [first4 first5 second7]; printed
# second 7, first 5, first 4.
#	7: 100*7/16 = 43, 437 % 10 = 7;  5: 31, 312 % 10 = 2;  4: 25, 0
# (By the bucket's start, as tprof: first 2+3+6 = 11, second 1.)
. "$TOP/tests/lib.sh"
KPROF="$VG $B/kprof"
KPWORDS="$B/tests/kpwords"

cat > System.map <<'E'
ffffffff81000000 A _text
ffffffff81000020 T first
ffffffff81000064 T second
ffffffff81000100 T _etext
E
echo '20 4 3 1 2 6*0 3 6 18*0 1' | $KPWORDS -b > kpdata
[ "$(wc -c < kpdata)" -eq 128 ] || fail "kpdata is not 32 words"
printf '%b' 'total: 20\tin kernel text: 16\toutside kernel text: 4\n' \
	'KTZERO ffffffff81000000 PGSIZE 4Kb\nms\t  %\tsym\n' \
	'7\t 43.7\tsecond\n5\t 31.2\tfirst\n4\t 25.0\tfirst\n' > want
$KPROF System.map kpdata > got || fail "kprof exit status $?"
same "buckets to the symbol holding their last byte" want got
exit 0
