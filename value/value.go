package value

// Value is any DolphinDB object: scalar, vector, pair, matrix, set,
// dictionary, table, or an engine object such as a function or a database
// handle (engine packages implement Value for those).
type Value interface {
	// Form is the data form (scalar, vector, table ...).
	Form() Form
	// Type is the data type; a table reports Void (its columns carry types).
	Type() Type
	// String renders the value as the DolphinDB console prints it.
	String() string
}
