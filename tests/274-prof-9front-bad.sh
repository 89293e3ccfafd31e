# A malformed 9front prof.out is refused with one line (9front's prof
# reads past a short header, ignores a partial last record and follows
# any link; a frequency of 0 would divide by 0).
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000
printf 'pr\017\002\000\000\000' > short.out
errcase "short header" 'short.out: 7 bytes, short of 9front.s 12-byte header' $PROF prog short.out
$MKCLASSIC -9 1000 > good.out <<'P'
1 - 0 0 10
- - 0x1000 1 10
P
head -c 31 good.out > partial.out
errcase "partial record" 'partial.out: 19 bytes of records, not a multiple of 20: a partial record' $PROF prog partial.out
head -c 12 good.out > none.out
errcase "no records" 'none.out: no records' $PROF prog none.out
$MKCLASSIC -9 0 > zero.out <<'P'
1 - 0 0 10
- - 0x1000 1 10
P
errcase "frequency 0" 'zero.out: cycle counter frequency 0' $PROF prog zero.out
$MKCLASSIC -9 1000 > link.out <<'P'
1 - 0 0 10
5 - 0x1000 1 10
P
errcase "down link out of range" 'link.out: record 1 links to record 5, past the last \(1\)' $PROF prog link.out
$MKCLASSIC -9 1000 > cycle.out <<'P'
1 - 0 0 10
- 1 0x1000 1 10
P
errcase "cycle" 'cycle.out: record 1 is reached twice' $PROF -d prog cycle.out
