/* Address spaces: symbol tables placed at load biases, looked up by pc. */
#include <inttypes.h>
#include <stdlib.h>

#include "sym/sym.h"

static uint64_t
rlo(const Region *r)
{
	return r->tab->sym[0].value + r->bias;
}

int
spaceadd(Space *s, Symtab *tab, uint64_t bias)
{
	Region *nr;
	size_t i;

	if(tab->nsym == 0)
		return 0;
	nr = realloc(s->r, (s->nr + 1) * sizeof *nr);
	if(nr == NULL){
		werrstr("address space: out of memory");
		return -1;
	}
	s->r = nr;
	/* keep regions sorted by their lowest address */
	for(i = s->nr; i > 0 && rlo(&nr[i - 1]) > tab->sym[0].value + bias; i--)
		nr[i] = nr[i - 1];
	nr[i].tab = tab;
	nr[i].bias = bias;
	s->nr++;
	s->nsym = 0;
	for(i = 0; i < s->nr; i++){
		nr[i].first = s->nsym;
		s->nsym += nr[i].tab->nsym;
	}
	if(s->hasetext){
		s->hasetext = 0;
		spaceetext(s);
	}
	return 0;
}

void
spaceetext(Space *s)
{
	const Region *r;

	if(s->nr == 0 || s->hasetext)
		return;
	r = &s->r[s->nr - 1];
	if(r->tab->p9end){
		s->hasetext = Eown;
		return;
	}
	s->etext.name = "etext";
	s->etext.value = r->tab->end + r->bias;
	s->etext.size = 0;
	s->etext.rank = 0;
	s->hasetext = Eadded;
	s->nsym++;
}

void
spacefree(Space *s)
{
	free(s->r);
	s->r = NULL;
	s->nr = 0;
	s->nsym = 0;
	s->hasetext = 0;
}

long
spacefind(const Space *s, uint64_t pc)
{
	size_t lo, hi, mid;
	const Region *r;
	long i;

	/* the last region starting at or below pc */
	lo = 0;
	hi = s->nr;
	while(lo < hi){
		mid = lo + (hi - lo) / 2;
		if(rlo(&s->r[mid]) <= pc)
			lo = mid + 1;
		else
			hi = mid;
	}
	if(lo == 0)
		return -1;
	r = &s->r[lo - 1];
	i = symfind(r->tab, pc - r->bias);
	if(i >= 0)
		return (long)r->first + i;
	if(s->hasetext && lo == s->nr && pc - r->bias >= r->tab->end)
		return s->hasetext == Eown ? (long)(r->first + r->tab->nsym - 1) : (long)s->nsym - 1;
	return -1;
}

const Sym *
spacesym(const Space *s, long id)
{
	size_t lo, hi, mid;

	if(s->hasetext == Eadded && (size_t)id == s->nsym - 1)
		return &s->etext;
	lo = 0;
	hi = s->nr;
	while(hi - lo > 1){
		mid = lo + (hi - lo) / 2;
		if(s->r[mid].first <= (size_t)id)
			lo = mid;
		else
			hi = mid;
	}
	return &s->r[lo].tab->sym[id - s->r[lo].first];
}

const char *
spacename(const Space *s, uint64_t pc, char *buf, size_t nbuf)
{
	long id;

	if(pc == Unknownpc)
		return "[unknown]";
	id = spacefind(s, pc);
	if(id >= 0)
		return spacesym(s, id)->name;
	snprintf(buf, nbuf, "#%" PRIx64, pc);
	return buf;
}
