package engine

import (
	"errors"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
)

func (in *interp) pivotBySelect(n *sqlparse.SelectExpr, src *value.Table) (value.Value, error) {
	return nil, errors.New("pivot by is not supported yet")
}
