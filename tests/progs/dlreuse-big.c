/* A big object for tests/progs/dlreuse.c: 90 pad routines, then afar. */
#define F(n) __attribute__((noinline, used)) static int pad##n(int x) { volatile int a[64]; a[0] = x; return a[0] + n; }
#define G(n) F(n##0) F(n##1) F(n##2) F(n##3) F(n##4) F(n##5) F(n##6) F(n##7) F(n##8) F(n##9)
G(1) G(2) G(3) G(4) G(5) G(6) G(7) G(8) G(9)

int
afar(int x)
{
	return x + 1;
}
