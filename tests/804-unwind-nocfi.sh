# Frames with no CFI: the unwinder follows the frame pointer only in a
# function that keeps one, else ends the chain in [unknown], never a
# wrong caller. tests/progs/unw-nocfi.S: nocfi (no CFI, no frame
# pointer) calls hot with main's rbp still in rbp: following it would
# give main's caller as nocfi's, skipping main; so the chain is hot,
# nocfi, [unknown]. nocfifp (no CFI, push %rbp; mov %rsp,%rbp) is
# followed by its frame pointer: hot, nocfifp, main, startup. And a
# frameless leaf with no CFI (unw-chain.c's hot built without unwind
# tables: -O2 keeps no frame in a leaf even with -fno-omit-frame-pointer;
# rbp is b's, whose caller it would give as hot's): hot, [unknown].
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/unw-lib.sh"

cc -O2 -g -fno-omit-frame-pointer -o nc "$TOP/tests/progs/unw-nocfi.c" "$TOP/tests/progs/unw-nocfi.S" ||
	fail "cc unw-nocfi"
printf 'hot\tnc\nnocfi\tnc\n[unknown]\n' > want
unwchain ./nc 1 > got
same "main -> nocfi -> hot" want got

{
	printf 'hot\tnc\nnocfifp\tnc\nmain\tnc\n'
	startup nc
} | libcmask > want
unwchain ./nc 2 > got
same "main -> nocfifp -> hot" want got

cc -O2 -g -fno-omit-frame-pointer -fno-asynchronous-unwind-tables -fno-unwind-tables \
	-o leaf "$TOP/tests/progs/unw-chain.c" || fail "cc leaf"
printf 'hot\tleaf\n[unknown]\n' > want
unwchain ./leaf 1 > got
same "a frameless leaf without CFI" want got
exit 0
