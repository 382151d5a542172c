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
}
