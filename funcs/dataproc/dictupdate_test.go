package dataproc_test

import (
	"fmt"
	"testing"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/stretchr/testify/require"
)

// TestDictUpdateBulkMatchesPerKey runs dictUpdate! with add, max and min
// on typed dictionaries, with repeated keys, new keys and NULLs, and
// compares the dictionary with the one a lambda updates (a call per key).
func TestDictUpdateBulkMatchesPerKey(t *testing.T) {
	s := testkit.InMemory(t).NewSession()
	types := []string{"char", "short", "int", "long", "float", "double", "bool"}
	for _, fn := range []string{"add", "max", "min"} {
		for _, typ := range types {
			for _, params := range []string{"p", "p[0]"} {
				script := fmt.Sprintf(`k0 = int(rand(30, 20)); v0 = %[1]s(rand(50, 20) - 25); v0[0] = NULL
k = int(rand(40, 300)); k[3] = NULL; p = %[1]s(rand(50, 300) - 25); p[5] = NULL
d1 = dict(k0, v0); d2 = dict(k0, v0)
dictUpdate!(d1, %[2]s, k, %[3]s)
dictUpdate!(d2, def(a, b) { return %[2]s(a, b) }, k, %[3]s)
eqObj(d1.keys(), d2.keys()) and eqObj(d1.values(), d2.values()) and typestr(d1.values()) == typestr(%[1]s([1]))`, typ, fn, params)
				for trial := 0; trial < 3; trial++ {
					require.Equal(t, "true", testkit.Run(t, s, script), "%s %s %s", fn, typ, params)
				}
			}
		}
	}
}
