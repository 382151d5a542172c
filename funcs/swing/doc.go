// Package swing registers zigzag, which keeps the swing points of a price
// series: the highs and lows whose moves pass a threshold.
package swing
