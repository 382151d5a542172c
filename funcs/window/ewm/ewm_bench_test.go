package ewm

import (
	"math/rand/v2"
	"testing"

	"github.com/porpoisedb/porpoise/value"
)

// BenchmarkEwm runs the ewm recurrences over 1M prices, one in 97 NULL.
func BenchmarkEwm(b *testing.B) {
	rng := rand.New(rand.NewPCG(14, 9))
	price := make([]float64, 1_000_000)
	for i := range price {
		price[i] = 100 + float64(rng.IntN(10000))/100
		if i%97 == 0 {
			price[i] = value.NullFloat64
		}
	}
	for _, adjust := range []bool{true, false} {
		o := ewmOptions{alpha: 0.1, adjust: adjust, minPeriods: 1}
		name := "adjust"
		if !adjust {
			name = "noadjust"
		}
		b.Run("ewmMean/"+name, func(b *testing.B) {
			for range b.N {
				ewmMeanOf(price, o)
			}
		})
		b.Run("ewmVar/"+name, func(b *testing.B) {
			for range b.N {
				ewmCovOf(price, price, o)
			}
		})
	}
}
