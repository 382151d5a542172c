// Package genome holds DolphinDB's short genome sequence functions:
// encodeShortGenomeSeq, decodeShortGenomeSeq and genShortGenomeSeq, which
// pack a DNA sequence of up to 28 bases into one integer.
package genome
