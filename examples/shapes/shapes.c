/*
 * libshapes, a shared library built with -finstrument-functions: its
 * functions appear in the profile of the program that uses it.
 */
#include "shapes.h"

static double
square(double x)
{
	return x * x;
}

double
circlearea(double r)
{
	return 3.14159265358979 * square(r);
}

double
squarearea(double side)
{
	return square(side);
}

double
perimeter(int sides, double side)
{
	return sides * side;
}
