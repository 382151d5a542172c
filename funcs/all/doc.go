// Package all links every family of built-in functions into the funcs
// registry: importing it runs each family's init. The interpreter imports
// it, so a program that runs scripts has the whole library; a family is
// added to the build by one line here.
package all
