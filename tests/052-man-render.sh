# prof(1) renders as words, not glued runs (issue 16.7): groff -man
# -Tascii has the flame graph's sentence with its spaces ("show as ?),
# and its tooltip gives the name"); the .BR line it was on alternated
# fonts word by word, giving "?),anditstooltipgives".
. "$TOP/tests/lib.sh"
command -v groff > /dev/null 2>&1 || skip "no groff"
groff -man -Tascii "$TOP/man/prof.1" 2> /dev/null | col -b | tr -s ' \n' '  ' > prof.1.txt
grep -q 'show as ?), and its tooltip gives the name' prof.1.txt ||
	fail "prof(1): the flame graph's 'show as ?), and its tooltip' is not rendered as words"
exit 0
