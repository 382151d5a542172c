// Package funcs is the registry of DolphinDB's built-in functions: each
// built-in is declared once, as a Spec with its name, DolphinDB's parameter
// names, arity and properties (aggregate, element-wise, order-sensitive,
// pure, mutating, command), and the interpreter, the SQL planner and the
// partition pruner read those facts from here and nowhere else.
//
// This package owns the registry (Spec, Props, Env, Register, Lookup, All),
// the argument and result helpers every family shares (args.go,
// elementwise.go, stringargs.go, numeric.go, assemble.go, concat.go,
// reshape.go, results.go), the argument reader that keeps the
// first error so a chain of reads needs one check (reader.go), the
// registration wrappers that look up the host and check the caller's
// rights before a built-in runs (withhost.go, admin.go), the one Register
// installs on every Pure ElementWise built-in to run it once per symbol
// of a coded column (per_symbol.go), the metacode
// value (metacode.go), the cluster-site interface (cluster.go) and the
// tables of undefined and unsupported names.
// It registers no family of functions itself and imports none of its
// subpackages.
//
// The functions live in one subpackage per group of the manual's
// categories, each registering all its Specs from one file, register.go,
// in sections named after the files that implement them:
//
//	funcs/exactkey     no functions: numeric and temporal vectors read for comparing exactly (LONGs past 2^53, NANOTIMESTAMPs, DECIMALs)
//	funcs/streak       no functions: runs of positive DECIMALs summed exactly (maxPositiveStreak, mmaxPositiveStreak)
//	funcs/indexed      indexed series and matrices, label alignment of binary operations, align, merge
//	funcs/temporal     temporal functions, durations, market calendars, temporal formats and parsing, resample
//	funcs/mathfn       math, relational and logical operators, linear algebra, geoWithin
//	funcs/higherorder  higher-order functions and adverbs (each, reduce, accumulate, moving, window ...)
//	funcs/stats        aggregates, statistics, correlation, cumulative and series functions
//	funcs/rowfn        row-wise functions: reductions, indexing, ranks, shifts and cumulative sums over each row
//	funcs/window       moving, time-moving and moving-topN functions
//	funcs/window/ewm   the exponentially weighted statistics (ewmMean, ewmVar, ewmStd, ewmCov, ewmCorr)
//	funcs/swing        zigzag: the swing points of a price series
//	funcs/talib        the TA-Lib moving averages (sma, wma, ema, dema, tema, kama, t3, ma ...)
//	funcs/convert      type conversion, decimals, JSON
//	funcs/strfn        string functions, string formatting, regular expressions, encodings
//	funcs/lookup       lookup, filter, merge, reshape, append, generate, replace
//	funcs/system       metaprogramming, system and environment, tables, data sources, delete/clear
//	funcs/introspect   snippet and constantDesc: a value's printed form and description
//	funcs/env          the machine and process: getEnv, getOS, mem, CPU, load and disk I/O figures, shell
//	funcs/encoding     compress/decompress, pack/unpack, hmac, objectChecksum
//	funcs/dataproc     data processing: grouping, cut, null filling, sort, shift
//	funcs/filesys      server-side file functions (file, readLine, read!, write, readObject, files, mkdir, saveModel, loadModel ...) and the home-directory confinement of every path
//	funcs/textio       text import and export: loadText, ploadText, loadTextEx, extractTextSchema, saveText, loadRecord
//	funcs/plotting     plot and plotHist: chart objects for a GUI to draw
//	funcs/streaming    stream tables, subscriptions and their persistence (over package stream)
//	funcs/streamengine stream engines as named objects: their inputs, listing, dropping, shared machinery
//	funcs/streamfilter stream dispatch (streamFilter) and the msgBody rows of heterogeneous replay
//	funcs/tsengine     time-window stream engines: createTimeSeriesEngine, createDailyTimeSeriesEngine, createSessionWindowEngine
//	funcs/xsengine     the cross-sectional engine (createCrossSectionalEngine): metrics over the latest row per key
//	funcs/joinengine   streaming join engines fed by a left and a right input (createLookupJoinEngine ...)
//	funcs/rsengine     the reactive state engine: createReactiveStateEngine, createNarrowReactiveStateEngine
//	funcs/dispatchengine the stream dispatch engine: createStreamDispatchEngine, rows spread over outputs by key
//	funcs/statelessengine the reactive stateless engine: createReactiveStatelessEngine, outputs recomputed from the cells they depend on
//	funcs/engineparser streamEngineParser: nested metrics split into a pipeline of reactive, cross-sectional and time-series engines
//	funcs/cepengine    the complex event processing engine: createCEPEngine, monitors, event listeners, routing and emitting events, streamEventSerializer
//	funcs/alertengine  checking stream engines: createAnomalyDetectionEngine (boolean metrics per row and per window), createRuleEngine
//	funcs/cached       cachedTable: tables a user function refills once they are retentionSeconds old
//	funcs/ipctable     IPC in-memory tables: tables every session reaches by name (create, load, drop)
//	funcs/decomp       decompositions: pca, stl, and the ESD anomaly tests esd and seasonalEsd
//	funcs/describe     summary, descriptive statistics of tables and data sources
//	funcs/excel        convertExcelFormula
//	funcs/fit          interpolation and density models with a predict function
//	funcs/distrib      probability distributions: densities, CDFs, inverse CDFs, random generators
//	funcs/hypotest     hypothesis tests: tTest, zTest, fTest, chiSquareTest, anova, mannWhitneyUTest, ksTest, shapiroTest, adfuller, coint, manova
//	funcs/risk         value-at-risk measures: valueAtRisk, condValueAtRisk
//	funcs/bond         fixed-income measures of a bond: bondCashflow, bondDirtyPrice, bondAccrInt, bondYield, bondDuration, bondConvexity, bondCalculator, treasuryConversionFactor, crmwCBond, ns, nss, nssPredict, cummdd, trueRange
//	funcs/genome       short genome sequence encoding
//	funcs/logging      writeLog, writeLogLevel, setLogLevel, cleanOutdateLogFiles over the server log
//	funcs/npy          NumPy .npy/.npz files: loadNpy, loadNpz, saveAsNpy
//	funcs/optimize     optimisers of a script function: differentialEvolution, fmin, fminBFGS, fminLBFGSB, fminNCG, brute, brentq
//	funcs/linprog      linear systems and mathematical programs: solve, linprog, quadprog, qclp, socp, osqp, scs, fminSLSQP
//	funcs/interp       interpolation of resampled series (dividedDifference, neville, spline, loess) and B-splines (splrep, splev)
//	funcs/regress      linear regression: ols, olsEx, wls, residual, beta, ridge, lasso, elasticNet and their Basic and CV forms, bvls, piecewiseLinFit, polynomial
//	funcs/learn        machine learning models with predict: logisticRegression, glm, kmeans, knn, gaussianNB, multinomialNB, kernelRidge, gmm, randomForest*, adaBoost*
//	funcs/mvcc         MVCC tables, persisted ones on disk (mvccTable, loadMvccTable)
//	funcs/sqldialect   runSQL and the functions of the Oracle and MySQL SQL dialects (decode, nvl, to_char, sysdate ...)
//	funcs/remote       xdb and remoteRun: sessions on other servers through the Go client
//	funcs/all          blank-imports every family; the interpreter imports it
//
// A family may import this package and families listed above it, never one
// below it, so data and imports flow one way. A function that needs the
// interpreter's private state (frames, ownership of values, shared objects)
// stays in engine or reaches it through Env. Packages that own a resource
// (the catalog, DFS databases) register the functions over that resource
// from their own init, into the same registry.
package funcs
