package learn

import "github.com/porpoisedb/porpoise/funcs"

// init registers the family, one section per topic file.
func init() {
	// bayes.go.
	funcs.Register(
		funcs.Spec{Name: "gaussianNB", Params: []string{"Y", "X", "varSmoothing"}, Min: 2, Max: 3,
			Props: funcs.Pure, Category: "machine-learning", Fn: gaussianNB},
		funcs.Spec{Name: "multinomialNB", Params: []string{"Y", "X", "varSmoothing"}, Min: 2, Max: 3,
			Props: funcs.Pure, Category: "machine-learning", Fn: multinomialNB},
		*gaussianNBPredict, *multinomialNBPredict,
	)

	// neighbours.go.
	funcs.Register(
		funcs.Spec{Name: "knn", Params: []string{"Y", "X", "type", "nNeighbor", "power"}, Min: 4, Max: 5,
			Props: funcs.Pure, Category: "machine-learning", Fn: knn},
		funcs.Spec{Name: "kmeans", Params: []string{"X", "k", "maxIter", "randomSeed", "init"}, Min: 2, Max: 5,
			Category: "machine-learning", Fn: kmeans},
		*knnPredictSpec, *kmeansPredictSpec,
	)

	// glm.go.
	funcs.Register(
		funcs.Spec{Name: "glm", Params: []string{"ds", "yColName", "xColNames", "family", "link", "tolerance", "maxIter"}, Min: 3, Max: 7,
			Category: "machine-learning", Fn: glm},
		funcs.Spec{Name: "logisticRegression", Params: []string{"ds", "yColName", "xColNames", "intercept", "initTheta", "tolerance", "maxIter", "regularizationCoeff"}, Min: 3, Max: 8,
			Category: "machine-learning", Fn: logisticRegression},
		*glmPredictSpec, *logisticPredictSpec,
	)

	// gmm.go.
	funcs.Register(
		funcs.Spec{Name: "gmm", Params: []string{"X", "k", "maxIter", "tolerance", "randomSeed", "mean", "sigma"}, Min: 2, Max: 7,
			Category: "machine-learning", Fn: gmm},
	)

	// kernelridge.go.
	funcs.Register(
		funcs.Spec{Name: "kernelRidge", Params: []string{"ds", "yColName", "xColNames", "alpha", "kernel", "gamma", "degree", "coef0", "swColName"}, Min: 3, Max: 9,
			Category: "machine-learning", Fn: kernelRidge},
		*kernelRidgePredictSpec,
	)

	// ensemble.go.
	funcs.Register(
		funcs.Spec{Name: "randomForestClassifier", Params: []string{"ds", "yColName", "xColNames", "numClasses", "maxFeatures", "numTrees", "numBins", "maxDepth", "minImpurityDecrease", "numJobs", "randomSeed"}, Min: 4, Max: 11,
			Category: "machine-learning", Fn: ensembleFit(rfClassify)},
		funcs.Spec{Name: "randomForestRegressor", Params: []string{"ds", "yColName", "xColNames", "maxFeatures", "numTrees", "numBins", "maxDepth", "minImpurityDecrease", "numJobs", "randomSeed"}, Min: 3, Max: 10,
			Category: "machine-learning", Fn: ensembleFit(rfRegress)},
		funcs.Spec{Name: "adaBoostClassifier", Params: []string{"ds", "yColName", "xColNames", "numClasses", "maxFeatures", "numTrees", "numBins", "maxDepth", "minImpurityDecrease", "learningRate", "algorithm", "randomSeed"}, Min: 4, Max: 12,
			Category: "machine-learning", Fn: ensembleFit(adaClassify)},
		funcs.Spec{Name: "adaBoostRegressor", Params: []string{"ds", "yColName", "xColNames", "maxFeatures", "numTrees", "numBins", "maxDepth", "minImpurityDecrease", "learningRate", "loss", "randomSeed"}, Min: 3, Max: 11,
			Category: "machine-learning", Fn: ensembleFit(adaRegress)},
		*rfClassifierPredict, *rfRegressorPredict, *adaClassifierPredict, *adaRegressorPredict,
	)
}
