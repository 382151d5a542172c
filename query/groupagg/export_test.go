package groupagg

import "sort"

// TypedNames lists the aggregates with typed loops, for the registry test.
func TypedNames() []string {
	names := make([]string, 0, len(typedAggregates))
	for n := range typedAggregates {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
