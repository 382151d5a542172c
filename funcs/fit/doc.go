// Package fit registers the curve-fitting functions: the interpolation,
// density and polynomial models that return a model dictionary holding
// their predict function (kroghInterpolateFit, cubicHermiteSplineFit,
// gaussianKde and gaussianKdePredict, polyFit and polyPredict, cubicSpline
// and cubicSplinePredict) and the weighted simple linear regression wslr.
// predict(model, X) (funcs/stats) calls the function the model holds. It
// imports the funcs core only.
package fit
