// Package partschema lays out a database's partitioning levels as
// schema() lists them (partitionType, partitionSchema, ...), for a DFS
// table's and a database's schema alike.
package partschema
