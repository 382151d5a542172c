// Package catalog implements DolphinDB's catalogs (db_distr_comp/db/catalog.md):
// the registry of which dfs:// database each catalog.schema names, kept
// beside the DFS metadata in the store so it survives a restart, the
// session's current catalog (use catalog, setDefaultCatalog), the catalog
// functions (createCatalog ... getSchemaByCatalog), and the resolution of
// catalog.schema.table names in scripts and SQL and in the objects of
// grant, deny and revoke (Objects).
//
// It registers its functions into package funcs from init and reaches the
// engine only through Host; the interpreter hands it member expressions
// whose root is no variable (Member) and the parser lowers catalog DDL
// to its internal functions (sqlparse.CatalogSchemaPath, CatalogDrop).
package catalog
