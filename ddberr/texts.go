package ddberr

// texts is the table of DolphinDB error texts Porpoise gives, grouped by
// what they are about. Add a text here, with the page it comes from, and
// call Errorf with it; the table's test lists the call sites that still
// write texts inline.
var texts = []Text{
	// appends to tables (in-memory, keyed, indexed, DFS)
	{"The number of columns of the table to insert must be the same as that of the original table.", "db_distr_comp/db_oper/insert_data.md"},
	{"The number of table columns doesn't match the number of columns to append.", "db_distr_comp/db_oper/insert_data.md"},
	{"The number of columns of the current table must match that of the target table.", "error_codes/S01015.md"},
	{"A keyed/indexed table can't contain duplicated keys.", "error_codes/s05012.md"},
	{"Can't modify read only table.", "error_codes/S02054.md"},
	{"Can't update a key column.", "funcs/k/keyedTable.md"},
	{"An in-memory table can't exceed 2 billion rows.", "error_codes/s05016.md"},
	{"The length of all columns must be the same.", "porpoise"},
	{"Incompatible type. Expected: %s, Actual: %s", "db_distr_comp/db_oper/insert_data.md"},
	{"Failed to append data to column '%s' with error: %w", "db_distr_comp/db_oper/insert_data.md"},
	{"The column [%s] expects type of %s, but the actual type is %s.", "error_codes/S05004.md"},
	{"The data to append contains fewer columns than the schema.", "db_distr_comp/db_oper/insert_data.md"},
	{"The target of upsert! must be a keyed table, an indexed table or a DFS table.", "porpoise"},
	{"The parameter sortColumns of upsert! is only supported for tables of the OLAP engine.", "porpoise"},
	{"Can't append a %s to a table column", "porpoise"},
	{"The column '%s' does not exist in table.", "porpoise"},
	{"A SYMBOL value can't be longer than %d bytes.", "porpoise"},
	{"One symbase's size can't exceed 2097152.", "error_codes/S00003.md"},
	{"The INSERT INTO statement is not supported for DFS tables. Set the configuration parameter enableInsertStatementForDFSTable=true to enable it.", "porpoise"},

	// databases and partitioned tables
	{"The database [%s] does not exist.", "error_codes/S04001.md"},
	{"The database %s already exists with a different partition scheme.", "porpoise"},
	{"The table [%s] already exists in database [%s].", "porpoise"},
	{"The table [%s] does not exist in database [%s].", "porpoise"},
	{"The partitioning column %s doesn't exist in the table.", "porpoise"},
	{"The sort column %s doesn't exist in the table.", "porpoise"},
	{"The %s column %s doesn't exist in the table.", "porpoise"},
	{"Invalid keepDuplicates %s. It must be ALL, FIRST or LAST.", "porpoise"},
	{"The level is out of range.", "porpoise"},

	// the MultithreadedTableWriter's own texts, as the official API gives them
	{"Data category incompatible.", "spec/mtw.md"},
	{"Long type value can't be used as a partition column.", "spec/mtw.md"},
	{"Can't convert partition column", "spec/mtw.md"},
	{"Unsupported partition type %s", "spec/mtw.md"},
	{"Server Response: '%s' script: %s", "spec/mtw.md"},
}
