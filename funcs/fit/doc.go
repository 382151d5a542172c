// Package fit registers the interpolation and density models that return
// a model dictionary holding their predict function: Krogh's polynomial
// interpolation, the cubic Hermite spline and the Gaussian kernel density
// estimate (kroghInterpolateFit, cubicHermiteSplineFit, gaussianKde and
// gaussianKdePredict). predict(model, X) (funcs/stats) calls the function
// the model holds. It imports the funcs core only.
package fit
