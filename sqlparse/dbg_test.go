package sqlparse

import (
	"fmt"
	"os"
	"testing"
)

func TestDbg(t *testing.T) {
	src := os.Getenv("SRC")
	if src == "" {
		t.Skip()
	}
	s, err := Parse(src)
	if err != nil {
		fmt.Println("ERR:", err)
		return
	}
	fmt.Println(FormatScript(s))
}
