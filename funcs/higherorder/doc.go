// Package higherorder registers DolphinDB's higher-order functions and
// adverbs (each, peach, eachLeft/Right/Pre/Post, reduce, accumulate, cross,
// loop, call, moving, window, byRow, byColumn ...): the manual's
// "higher-order" category. They call other functions through funcs.Env;
// this package owns the function-argument helpers (FnArg, LengthOf,
// SliceRows) other families reuse. It imports the funcs core, and
// memlimit's size estimate to count the results it holds against the
// memory limits.
package higherorder
