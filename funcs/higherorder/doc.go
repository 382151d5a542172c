// Package higherorder registers DolphinDB's higher-order functions and
// adverbs (each, peach, eachLeft/Right/Pre/Post, reduce, accumulate, cross,
// loop, call, moving, window, byRow, byColumn ...): the manual's
// "higher-order" category. They call other functions through funcs.Env;
// this package owns the function-argument helpers (FnArg, LengthOf,
// SliceRows) other families reuse. It imports only the funcs core.
package higherorder
