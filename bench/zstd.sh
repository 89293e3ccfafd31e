#!/bin/sh
# The profiling runtime on a multi-threaded program: zstd, built from
# Debian's source package (apt-get source libzstd, through tools/debsrc.sh;
# the library's C sources and the command's, with -DZSTD_MULTITHREAD, no
# assembly) every way bench/real.sh builds a program, compressing
# ZSTDMB MB of generated text (words and numbers from a fixed generator)
# with -T2: two worker threads and the main one.
#
# Usage: B=build sh bench/zstd.sh, from the top of the tree, after make.
# Environment: ZSTDMB (50), ZSTDLEVEL (3), and bench/real.sh's: RUNS (7),
# BIGSIZE, NOCLANG=1, NOUFTRACE=1, NOINSTALL=1, KEEP=1.
S=$(pwd)/bench
. "$S/real.sh"
ZSTDMB=${ZSTDMB:-50}
ZSTDLEVEL=${ZSTDLEVEL:-3}

realsetup
tree=$(sh "$top/tools/debsrc.sh" libzstd "$CACHE/debsrc") || die "no zstd source"
NAME=zstd
SRCS=$(ls "$tree"/lib/common/*.c "$tree"/lib/compress/*.c "$tree"/lib/decompress/*.c "$tree"/lib/dictBuilder/*.c "$tree"/programs/*.c)
PCFLAGS="-DZSTD_MULTITHREAD -DZSTD_DISABLE_ASM -DZSTD_LEGACY_SUPPORT=0 -I$tree/lib -I$tree/lib/common -pthread"
PLIBS="-pthread"
awk -v mb="$ZSTDMB" 'BEGIN {
	seed = 7
	split("the of and to in is that for it as with was on be by this are from or at which an not", w, " ")
	while(bytes < mb * 1048576){
		seed = (seed * 1103515245 + 12345) % 2147483648
		r = int(seed / 65536)
		s = w[r % 22 + 1] " " (r % 1000) " " w[int(r / 22) % 22 + 1]
		if(r % 7 == 0) s = s "\n"; else s = s " "
		printf "%s", s
		bytes += length(s)
	}
}' > "$IN/data"
TITLE="$(basename "$tree") zstd (Debian source), -$ZSTDLEVEL -T2 of $ZSTDMB MB of generated text, to /dev/null"
ARGS="-$ZSTDLEVEL -T2 -q -c $IN/data"
realbench
