// Package hypotest registers DolphinDB's hypothesis tests (tTest, zTest,
// fTest, chiSquareTest, anova, mannWhitneyUTest, ksTest, shapiroTest) and
// unit-root and cointegration tests (adfuller, coint, with MacKinnon's
// response surfaces) and manova,
// each returning the dictionary its page prints, over gonum's
// distributions. It imports the funcs core and funcs/distrib (the
// Kolmogorov distribution).
package hypotest
