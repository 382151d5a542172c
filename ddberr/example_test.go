package ddberr_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/engine"
)

// Example: an embedded session's error is a *ddberr.Error with
// DolphinDB's exact text and its kind (the Go client returns the same).
func Example() {
	e, _ := engine.Open(engine.Options{})
	defer e.Close()
	_, err := e.NewSession().Run("1 +* 2")
	var de *ddberr.Error
	if errors.As(err, &de) {
		fmt.Println(de.Kind, strings.HasPrefix(de.Msg, "Syntax Error: [line #1]"))
	}
	// Output: Syntax true
}
