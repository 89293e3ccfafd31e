/* libshapes: areas and perimeters of a few shapes. */
double circlearea(double r);
double squarearea(double side);
double perimeter(int sides, double side);
