package engine_test

import (
	"fmt"
	"log"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/value"
)

// Example is the README's embedding snippet: an in-memory engine (the
// zero Options), a script, and a direct append that skips the parser.
func Example() {
	e, err := engine.Open(engine.Options{}) // zero Options: in memory, nothing on disk
	if err != nil {
		log.Fatal(err)
	}
	defer e.Close()

	s := e.NewSession()
	_, err = s.Run("t = table(1:0, `id`v, [INT, DOUBLE]); t.tableInsert(1..3, 1.5 2.5 3.5)")
	if err != nil {
		log.Fatal(err)
	}

	// Append Go data directly (no parser): a table value, or columns.
	t, _ := s.Get("t")
	more := value.NewTable([]string{"id", "v"}, []*value.Vector{
		value.NewInts([]int32{4, 5}),
		value.NewDoubles([]float64{4.5, 5.5}),
	})
	n, err := s.TableInsert(t, more)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("appended", n)

	sum, err := s.Run("exec sum(v) from t")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("sum", sum)
	// Output:
	// appended 2
	// sum 17.5
}
