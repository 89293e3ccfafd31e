/* shapes: sums areas and perimeters through libshapes.so. */
#include <stdio.h>

#include "shapes.h"

static double
total(int n)
{
	double sum;
	int i;

	sum = 0;
	for(i = 1; i <= n; i++)
		sum += circlearea(i) + squarearea(i) + perimeter(i % 8 + 3, i);
	return sum;
}

int
main(void)
{
	printf("total %.1f\n", total(100000));
	return 0;
}
