package partition

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// A VALUE domain maps a coded STRING or SYMBOL column (each symbol looked
// up once) exactly as it maps the same strings plain, errors included.
func TestValueMapCoded(t *testing.T) {
	d, err := NewValue(value.NewStrings(value.String, []string{"A", "B", "C"}))
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		rows []string
		err  error
	}{
		{"hits and misses", []string{"A", "C", "Z", "A", "B"}, nil},
		{"NULL row", []string{"A", "", "B"}, ErrValueNull},
		{"invisible before NULL", []string{"A", "x y", ""}, ErrInvisibleChar},
		{"NULL before invisible", []string{"", "x y"}, ErrValueNull},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, wantErr := d.Map(value.NewStrings(value.String, tc.rows))
			require.Equal(t, tc.err, wantErr)
			for _, typ := range []value.Type{value.String, value.Symbol} {
				got, err := d.Map(value.NewStrings(typ, tc.rows).Coded())
				require.Equal(t, wantErr, err, typ)
				if wantErr == nil {
					require.Equal(t, want, got, typ)
				}
			}
		})
	}
}
