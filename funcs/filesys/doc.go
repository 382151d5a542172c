// Package filesys holds DolphinDB's server-side file system functions
// (file, readLine, writeLine, read!, write, readRecord!, writeObject,
// files, mkdir, rm, saveModel, loadModel ...) and the one rule every
// function that touches the server's disk follows: a path is resolved
// against the server's home directory and must stay inside it.
//
// saveModel and loadModel live here, not beside the models (funcs/learn,
// funcs/regress, funcs/fit, funcs/stats): they are file functions in
// DolphinDB's manual, a model file is writeObject's serialization of the
// model dictionary, and the one thing they know of models, the predict
// function a model names, they find by name through the funcs registry
// (funcs.ModelFunction), so no model family is imported.
package filesys
