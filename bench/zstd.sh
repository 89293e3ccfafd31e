#!/bin/sh
# The profiling runtime on a multi-threaded program: zstd, built from
# Debian's source package (apt-get source libzstd, through tools/debsrc.sh;
# the library's C sources and the command's, with -DZSTD_MULTITHREAD, no
# assembly) every way bench/real.sh builds a program, compressing
# ZSTDMB MB of generated text (4096 made-up words and numbers from a fixed
# generator; about 0.3 s unprofiled here, 2.5:1)
# with -T2: two worker threads and the main one. gcc's -finstrument-functions
# hooks zstd's forced-inline helpers too: 743M calls, so this bench takes
# long here (ZSTDMB=10 makes it about five times shorter).
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
	# products below 2^53: exact in doubles, the same text everywhere
	seed = 7
	# a vocabulary of 4096 made-up words, then text of them and numbers
	for(i = 0; i < 4096; i++){
		w[i] = ""
		seed = (seed * 69069 + 1) % 4294967296
		n = 2 + int(seed / 65536) % 8
		for(j = 0; j < n; j++){
			seed = (seed * 69069 + 1) % 4294967296
			w[i] = w[i] substr("etaoinshrdlucmfwypvbgkjqxz", 1 + int(seed / 65536) % 26, 1)
		}
	}
	while(bytes < mb * 1048576){
		seed = (seed * 69069 + 1) % 4294967296
		r = int(seed / 65536)
		s = w[r % 4096] " " w[int(seed / 16) % 4096]
		if(r % 5 == 0) s = s " " (r % 100000)
		if(r % 11 == 0) s = s ".\n"; else s = s " "
		printf "%s", s
		bytes += length(s)
	}
}' > "$IN/data"
TITLE="$(basename "$tree") zstd (Debian source), -$ZSTDLEVEL -T2 of $ZSTDMB MB of generated text, to /dev/null"
ARGS="-$ZSTDLEVEL -T2 -q -c $IN/data"
realbench
