package dsfuncs

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/value"
)

// byDomain splits by one level's domain; a COMPO domain is refused.
func TestByDomainRefusesCompo(t *testing.T) {
	v, err := partition.NewValue(&value.Vector{T: value.Int, I32: []int32{1, 2}})
	require.NoError(t, err)
	compo, err := partition.NewCompo(v, v)
	require.NoError(t, err)
	_, err = (&splitter{}).byDomain(compo, "x")
	require.EqualError(t, err, ddberr.Errorf("The partition type must be VALUE, RANGE, LIST or HASH.").Error())
}
