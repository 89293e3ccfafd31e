# The unwinder on C++ frames with exceptions (tests/progs/unw-except.cc,
# g++ -O2, with and without frame pointers): hot called by a destructor
# run in a landing pad while an exception is in flight (main -> catcher
# -> unwinding -> ~Guard -> hot: the frames of the throw are gone, the
# unwinder resumed in unwinding's), and from a catch block (main ->
# catcher -> hot). Names demangled as the library does (sym.c).
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/unw-lib.sh"

command -v g++ > /dev/null || skip "no g++"
for o in -fomit-frame-pointer -fno-omit-frame-pointer; do
	g++ -O2 -g $o -o ex "$TOP/tests/progs/unw-except.cc" || fail "g++ unw-except.cc $o"
	{
		printf 'hot\tex\nGuard::~Guard()\tex\nunwinding()\tex\ncatcher()\tex\nmain\tex\n'
		startup ex
	} | libcmask > want
	unwchain ./ex 1 > got
	same "$o: a destructor while an exception is in flight" want got
	{
		printf 'hot\tex\ncatcher()\tex\nmain\tex\n'
		startup ex
	} | libcmask > want
	unwchain ./ex 2 > got
	same "$o: a catch block" want got
done
exit 0
