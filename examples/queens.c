/*
 * queens: count the placements of n queens on an n x n board, by
 * recursion. A recursive example for prof -d: place() calls itself once
 * per row.
 */
#include <stdio.h>
#include <stdlib.h>

static int
safe(const int *col, int row, int c)
{
	int r;

	for(r = 0; r < row; r++)
		if(col[r] == c || abs(col[r] - c) == row - r)
			return 0;
	return 1;
}

static long
place(int *col, int row, int n)
{
	long count;
	int c;

	if(row == n)
		return 1;
	count = 0;
	for(c = 0; c < n; c++)
		if(safe(col, row, c)){
			col[row] = c;
			count += place(col, row + 1, n);
		}
	return count;
}

int
main(int argc, char *argv[])
{
	int col[32], n;

	n = argc > 1 ? atoi(argv[1]) : 8;
	if(n < 1 || n > 32){
		fprintf(stderr, "usage: queens [1-32]\n");
		return 2;
	}
	printf("%d queens: %ld solutions\n", n, place(col, 0, n));
	return 0;
}
