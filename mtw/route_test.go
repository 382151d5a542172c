package mtw

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/value"
)

// A RANGE or LIST level whose partitionSchema is not a vector is refused
// with the level's kind in the message.
func TestNewDomainSchemaNotVector(t *testing.T) {
	for kind, want := range map[partition.PartitionType]string{
		partition.RANGE: "invalid RANGE partitionSchema 3",
		partition.LIST:  "invalid LIST partitionSchema 3",
	} {
		_, err := newDomain(kind, value.Int, value.Int, value.NewInt(3))
		require.EqualError(t, err, want)
	}
}
