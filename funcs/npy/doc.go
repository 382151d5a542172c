// Package npy holds DolphinDB's functions over NumPy's binary array files:
// loadNpy and loadNpz read .npy and .npz files into vectors, matrices and
// tuples of matrices, and saveAsNpy writes a vector or matrix as .npy.
package npy
