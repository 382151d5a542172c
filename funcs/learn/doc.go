// Package learn registers the machine-learning models: logistic
// regression, generalised linear models, k-means clustering, k-nearest
// neighbours, the Gaussian and multinomial naive Bayes classifiers,
// kernel ridge regression, Gaussian mixtures (gmm) and the tree
// ensembles (random forests and AdaBoost). Each returns a model
// dictionary (gmm's holds no predict function) whose predict function
// predict(model, X) (funcs/stats) calls. It imports the funcs core,
// funcs/system (data sources) and funcs/mathfn (the pseudo-inverse) only.
package learn
