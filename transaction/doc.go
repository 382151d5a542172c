// Package transaction is the rollback of the transaction statement
// (progr/statements/transaction.md): before the block runs, the
// in-memory tables it may change (those it names, and those the user
// functions it calls name) are copied; when a statement of the block
// fails, the copies are put back, so the block takes effect whole or not
// at all. commit and rollback end the block early (End), keeping or
// putting back its changes; the block's statements run under a marked
// context (Enter, InBlock), in which IMOLTP refuses DDL. An engine
// whose tables isolate blocks from each other (IMOLTP) gives the block
// private copies of them instead (Isolated) and takes part in its end
// (Join, Participant): its changes are committed when the block ends
// well and dropped otherwise.
package transaction
