/*
 * Call paths known by construction, for 470-rt-sqlite-uftrace's check of
 * its readers of prof -dr and uftrace dump (built -O0). Paths and calls:
 *	main 1
 *	main;twice 2
 *	main;twice;leaf 4
 *	main;rec 1
 *	main;rec;rec 1
 *	main;rec;rec;rec 1
 *	main;rec;rec;rec;leaf 1
 *	main;ping 1
 *	main;ping;pong 1
 *	main;ping;pong;ping 1
 *	main;ping;pong;ping;pong 1
 *	main;ping;pong;ping;pong;ping 1
 * 5 calls of leaf in all, 3 of rec, 3 of ping, 2 of pong.
 */
static volatile int n;

static void leaf(void) { n++; }
static void twice(void) { leaf(); leaf(); }
static void rec(int k) { if(k == 0) leaf(); else rec(k - 1); }
static void pong(int k);
static void ping(int k) { if(k > 0) pong(k - 1); }
static void pong(int k) { ping(k); }

int
main(void)
{
	twice();
	twice();
	rec(2);
	ping(2);
	return n == 5 ? 0 : 1;
}
