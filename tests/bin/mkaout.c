/*
 * mkaout: write a Plan 9 a.out from text, for the tests: the layout of
 * Plan 9's /sys/include/a.out.h and libmach (written here from scratch).
 * Input lines (numbers in C syntax; # starts a comment line):
 *	arch A		386 amd64 arm power mips spim sparc 68020 alpha:
 *			the magic, and amd64's 64-bit entry and symbol values
 *	magic M		the magic word as given (after arch)
 *	entry E		the entry point
 *	text N		N bytes of text (zeros); data N likewise
 *	symsz N		the header's symbol table size, instead of the real one
 *	X VALUE NAME	a symbol of type letter X (with the 0x80 flag), NAME NUL-terminated
 *	z VALUE I ...	a file name symbol (z or Z): a 0 byte, the shorts I ..., a 0 short
 *	old X VALUE NAME	an old-style symbol (no 0x80 flag): 20-byte name, 3 bytes
 *	raw X VALUE NAME	a symbol whose name has no NUL (the table ends with it)
 * The header (big-endian: magic, text, data, bss, syms, entry, spsz,
 * pcsz; amd64 then the entry in 8 bytes), text, data, symbol table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAGIC9(f, b)	((f) | ((4 * (b) + 0) * (b) + 7))

static const struct {
	const char *arch;
	unsigned long magic;
} arches[] = {
	{"68020", MAGIC9(0, 8)}, {"386", MAGIC9(0, 11)}, {"sparc", MAGIC9(0, 13)},
	{"mips", MAGIC9(0, 16)}, {"arm", MAGIC9(0, 20)}, {"power", MAGIC9(0, 21)},
	{"alpha", MAGIC9(0, 23)}, {"spim", MAGIC9(0, 24)}, {"amd64", MAGIC9(0x8000, 26)},
};

static unsigned char syms[1 << 20];
static size_t nsyms;

static void
put(unsigned char *b, unsigned long long v, int n)
{
	while(n-- > 0)
		*b++ = (unsigned char)(v >> (8 * n));
}

static void
add(const void *p, size_t n)
{
	if(nsyms + n > sizeof syms){
		fprintf(stderr, "mkaout: symbol table too big\n");
		exit(1);
	}
	memcpy(syms + nsyms, p, n);
	nsyms += n;
}

static void
addval(unsigned long long v, int valsz, int type)
{
	unsigned char b[9];

	put(b, v, valsz);
	b[valsz] = (unsigned char)type;
	add(b, valsz + 1);
}

int
main(void)
{
	char line[512], w[4][256];
	unsigned long long magic, entry, text, data, symsz, v;
	unsigned char h[40], zero[4096] = {0}, s2[2];
	int valsz, havesymsz, nw, hdr;
	size_t i, n;
	char *p, *tok;

	magic = MAGIC9(0, 11);
	entry = text = data = symsz = 0;
	valsz = 4;
	hdr = 32;
	havesymsz = 0;
	while(fgets(line, sizeof line, stdin) != NULL){
		if(line[0] == '#')
			continue;
		nw = sscanf(line, "%255s %255s %255s %255s", w[0], w[1], w[2], w[3]);
		if(nw <= 0)
			continue;
		v = nw > 1 ? strtoull(w[1], NULL, 0) : 0;
		if(strcmp(w[0], "arch") == 0){
			for(i = 0; i < sizeof arches / sizeof arches[0] && strcmp(arches[i].arch, w[1]) != 0; i++)
				;
			if(i == sizeof arches / sizeof arches[0]){
				fprintf(stderr, "mkaout: unknown arch %s\n", w[1]);
				return 1;
			}
			magic = arches[i].magic;
			valsz = strcmp(w[1], "amd64") == 0 ? 8 : 4;
			hdr = valsz == 8 ? 40 : 32;
		}else if(strcmp(w[0], "magic") == 0)
			magic = v;
		else if(strcmp(w[0], "entry") == 0)
			entry = v;
		else if(strcmp(w[0], "text") == 0)
			text = v;
		else if(strcmp(w[0], "data") == 0)
			data = v;
		else if(strcmp(w[0], "symsz") == 0){
			symsz = v;
			havesymsz = 1;
		}else if(strcmp(w[0], "z") == 0 || strcmp(w[0], "Z") == 0){
			addval(v, valsz, w[0][0] | 0x80);
			add(zero, 1);
			strtok(line, " \t\n");
			strtok(NULL, " \t\n");
			while((tok = strtok(NULL, " \t\n")) != NULL){
				put(s2, strtoull(tok, NULL, 0), 2);
				add(s2, 2);
			}
			add(zero, 2);
		}else if((strcmp(w[0], "old") == 0 || strcmp(w[0], "raw") == 0) && nw == 4){
			addval(strtoull(w[2], NULL, 0), valsz, w[0][0] == 'o' ? w[1][0] : w[1][0] | 0x80);
			n = strlen(w[3]);
			if(w[0][0] == 'o'){
				memset(line, 0, 23);
				memcpy(line, w[3], n < 20 ? n : 20);
				add(line, 23);
			}else
				add(w[3], n);
		}else if(strlen(w[0]) == 1 && nw == 3){
			addval(v, valsz, w[0][0] | 0x80);
			add(w[2], strlen(w[2]) + 1);
		}else{
			p = strchr(line, '\n');
			if(p != NULL)
				*p = '\0';
			fprintf(stderr, "mkaout: bad line: %s\n", line);
			return 1;
		}
	}
	if(!havesymsz)
		symsz = nsyms;
	put(h, magic, 4);
	put(h + 4, text, 4);
	put(h + 8, data, 4);
	put(h + 12, 0, 4);
	put(h + 16, symsz, 4);
	put(h + 20, entry, 4);
	put(h + 24, 0, 4);
	put(h + 28, 0, 4);
	put(h + 32, entry, 8);
	fwrite(h, 1, hdr, stdout);
	for(v = text + data; v > 0; v -= n){
		n = v < sizeof zero ? v : sizeof zero;
		fwrite(zero, 1, n, stdout);
	}
	fwrite(syms, 1, nsyms, stdout);
	return ferror(stdout) || fflush(stdout) != 0;
}
