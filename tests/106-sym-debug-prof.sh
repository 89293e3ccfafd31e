# prof and tprof on stripped programs whose debug files are found (by
# .gnu_debuglink and by build-id) show the real names: prof's calls are
# those tests/progs/debugme.c makes by construction, its static functions
# included (they are not in .dynsym); tprof's rows for
# tests/progs/tprof-burn.c are three and one, 3:1 (tests/progs/tprof-lib.sh).
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/debug-lib.sh"
. "$TOP/tests/progs/tprof-lib.sh"

mkdir empty root
export profdebugdir="$PWD/empty"

rtcc prog.full "$TOP/tests/progs/debugme.c" -rdynamic -Wl,--build-id
debugsplit prog
./prog || fail "prog exit $?"
p=$(profile)
cat > want <<'E'
alsohidden 1
hidden1 3
hidden2 1
main 1
visible 2
E

calls prog "$p" > got
same "prof, debug file by .gnu_debuglink" want got

mv prog.debug prog.moved
calls prog "$p" > got
! grep -q hidden got || { cat got; fail "prof names static functions without the debug file"; }
id=$(buildid prog)
mkdir -p root/.build-id/$(echo "$id" | cut -c1-2)
mv prog.moved root/.build-id/$(echo "$id" | cut -c1-2)/$(echo "$id" | cut -c3-).debug
profdebugdir="$PWD/root" calls prog "$p" > got
same "prof, debug file by build-id" want got
echo "ok prof: $(tr '\n' ' ' < got)"

# tprof: without -rdynamic the stripped program has no text symbols at all
burncc burn.full -Wl,--build-id
debugsplit burn
mv burn.debug keep
errcase "tprof, no debug file" 'tprof: .*burn: no text symbols' $TPROF -c ./burn -s 0.1
mkdir .debug
mv keep .debug/burn.debug
$TPROF -c ./burn -s 0.6 > rep 2>err || { cat err; fail "tprof -c ./burn: exit $?"; }
echo "tprof: three $(share three rep)%, one $(share one rep)%"
ratio3to1 rep
exit 0
