// C++ names for prof (107-sym-demangle). Calls by construction, with
// each function's Itanium ABI mangled name (worked by hand) and its
// demangled form:
//	main					main			1
//	_ZN2ns5Klass6methodEi	ns::Klass::method(int)		3
//	_ZN2ns5Klass6methodEd	ns::Klass::method(double)	1
//	_ZN2ns5Klass5twiceEi	ns::Klass::twice(int)		1
//	_Z3addIlET_S0_S0_	long add<long>(long, long)	1
namespace ns {
struct Klass {
	int v;
	int method(int x);
	int method(double x);
	static int twice(int x) { return 2 * x; }
};

int
Klass::method(int x)
{
	return v + x;
}

int
Klass::method(double x)
{
	return v + (int)x;
}
}

template<typename T> T
add(T a, T b)
{
	return a + b;
}

int
main()
{
	ns::Klass k{1};
	int s;

	s = 0;
	for(int i = 0; i < 3; i++)
		s += k.method(i);
	s += k.method(2.0);
	s += ns::Klass::twice(s) + (int)add<long>(1, 2);
	return s == 0;
}
