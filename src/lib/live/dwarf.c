/*
 * DWARF's encodings as .eh_frame uses them (LEB128 numbers, the
 * DW_EH_PE pointer encodings) and its expressions (DW_OP_*), for the
 * CFI reader (cfi.c) and the unwinder's rules.
 */
#include "live/live.h"

enum { Maxexpr = 64 };	/* DWARF expression stack */

/* Pointer encodings (DW_EH_PE_*): format in the low nibble, application above (and live.h's). */
enum
{
	Peuleb = 0x01, Peu2 = 0x02, Peu4 = 0x03, Peu8 = 0x04,
	Pesleb = 0x09, Pes2 = 0x0a, Pes4 = 0x0b, Pes8 = 0x0c,
	Pepcrel = 0x10, Pedatarel = 0x30,
};

uint64_t
dwuleb(Dwrd *r)
{
	uint64_t v;
	int s;

	v = 0;
	for(s = 0; r->p < r->end; s += 7){
		if(s < 64)
			v |= (uint64_t)(*r->p & 0x7f) << s;
		if((*r->p++ & 0x80) == 0)
			return v;
	}
	r->bad = 1;
	return 0;
}

int64_t
dwsleb(Dwrd *r)
{
	uint64_t v;
	uint8_t b;
	int s;

	v = 0;
	for(s = 0; r->p < r->end; s += 7){
		b = *r->p++;
		if(s < 64)
			v |= (uint64_t)(b & 0x7f) << s;
		if((b & 0x80) == 0){
			if(s + 7 < 64 && (b & 0x40))
				v |= ~(uint64_t)0 << (s + 7);
			return (int64_t)v;
		}
	}
	r->bad = 1;
	return 0;
}

/* n little-endian bytes. */
uint64_t
dwfixed(Dwrd *r, int n)
{
	uint64_t v;
	int i;

	if(r->end - r->p < n){
		r->bad = 1;
		r->p = r->end;
		return 0;
	}
	v = 0;
	for(i = 0; i < n; i++)
		v |= (uint64_t)r->p[i] << 8 * i;
	r->p += n;
	return v;
}

uint8_t
dwu8(Dwrd *r)
{
	return (uint8_t)dwfixed(r, 1);
}

/* A pointer in encoding enc (pc-relative to where it is read; datarel to datarel). */
uint64_t
dwencoded(Dwrd *r, int enc, uint64_t datarel)
{
	uint64_t here, v;

	here = r->addr + (uint64_t)(r->p - r->start);
	switch(enc & 0x0f){
	case Peabs: case Peu8: case Pes8: v = dwfixed(r, 8); break;
	case Peuleb: v = dwuleb(r); break;
	case Pesleb: v = (uint64_t)dwsleb(r); break;
	case Peu2: v = dwfixed(r, 2); break;
	case Pes2: v = (uint64_t)(int64_t)(int16_t)dwfixed(r, 2); break;
	case Peu4: v = dwfixed(r, 4); break;
	case Pes4: v = (uint64_t)(int64_t)(int32_t)dwfixed(r, 4); break;
	default: r->bad = 1; return 0;
	}
	switch(enc & 0x70){
	case 0: break;
	case Pepcrel: v += here; break;
	case Pedatarel: v += datarel; break;
	default: r->bad = 1; break;	/* textrel, funcrel, aligned: not used on x86-64 */
	}
	return v;	/* indirect (personality only) is never followed */
}

/* The two operands of a binary operation on the expression stack s[0..*n). */
static int
binop(int op, uint64_t *s, int *n)
{
	uint64_t a, b;

	if(*n < 2)
		return -1;
	b = s[--*n];
	a = s[*n - 1];
	switch(op){
	case 0x1a: a &= b; break;
	case 0x1c: a -= b; break;
	case 0x1e: a *= b; break;
	case 0x21: a |= b; break;
	case 0x22: a += b; break;
	case 0x24: a = b < 64 ? a << b : 0; break;
	case 0x25: a = b < 64 ? a >> b : 0; break;
	case 0x26: a = (uint64_t)((int64_t)a >> (b < 64 ? b : 63)); break;
	case 0x27: a ^= b; break;
	case 0x29: a = a == b; break;
	case 0x2a: a = (int64_t)a >= (int64_t)b; break;
	case 0x2b: a = (int64_t)a > (int64_t)b; break;
	case 0x2c: a = (int64_t)a <= (int64_t)b; break;
	case 0x2d: a = (int64_t)a < (int64_t)b; break;
	case 0x2e: a = a != b; break;
	default: return -1;
	}
	s[*n - 1] = a;
	return 0;
}

int
cfieval(const uint8_t *x, size_t nx, const Cfregs *rg, int push, uint64_t first, uint64_t *v)
{
	Dwrd r = { x, x, x + nx, 0, 0 };
	uint64_t s[Maxexpr], a;
	int n, op, reg;

	n = 0;
	if(push)
		s[n++] = first;
	while(r.p < r.end && !r.bad){
		op = dwu8(&r);
		if(n >= Maxexpr - 1)
			return -1;
		if(op >= 0x30 && op <= 0x4f){	/* lit0..lit31 */
			s[n++] = (uint64_t)(op - 0x30);
			continue;
		}
		if(op >= 0x50 && op <= 0x8f){	/* reg0..31, breg0..31 */
			reg = (op - 0x50) & 0x1f;
			if(reg >= Nureg || (rg->have & 1u << reg) == 0)
				return -1;
			s[n++] = rg->reg[reg] + (op >= 0x70 ? (uint64_t)dwsleb(&r) : 0);
			continue;
		}
		switch(op){
		case 0x06:	/* deref */
			if(n < 1 || rg->peek(rg->arg, s[n - 1], &a) < 0)
				return -1;
			s[n - 1] = a;
			break;
		case 0x08: s[n++] = dwfixed(&r, 1); break;
		case 0x09: s[n++] = (uint64_t)(int64_t)(int8_t)dwfixed(&r, 1); break;
		case 0x0a: s[n++] = dwfixed(&r, 2); break;
		case 0x0b: s[n++] = (uint64_t)(int64_t)(int16_t)dwfixed(&r, 2); break;
		case 0x0c: s[n++] = dwfixed(&r, 4); break;
		case 0x0d: s[n++] = (uint64_t)(int64_t)(int32_t)dwfixed(&r, 4); break;
		case 0x0e: case 0x0f: s[n++] = dwfixed(&r, 8); break;
		case 0x10: s[n++] = dwuleb(&r); break;
		case 0x11: s[n++] = (uint64_t)dwsleb(&r); break;
		case 0x12: if(n < 1) return -1; s[n] = s[n - 1]; n++; break;
		case 0x13: if(n < 1) return -1; n--; break;
		case 0x14: if(n < 2) return -1; s[n] = s[n - 2]; n++; break;
		case 0x16: if(n < 2) return -1; a = s[n - 1]; s[n - 1] = s[n - 2]; s[n - 2] = a; break;
		case 0x1f: if(n < 1) return -1; s[n - 1] = -s[n - 1]; break;
		case 0x20: if(n < 1) return -1; s[n - 1] = ~s[n - 1]; break;
		case 0x23: if(n < 1) return -1; s[n - 1] += dwuleb(&r); break;
		case 0x96: break;	/* nop */
		default:
			if(binop(op, s, &n) < 0)
				return -1;
		}
	}
	if(r.bad || n < 1)
		return -1;
	*v = s[n - 1];
	return 0;
}
