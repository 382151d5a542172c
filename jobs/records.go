package jobs

import (
	"context"
	"path/filepath"

	"github.com/porpoisedb/porpoise/audit"
)

// OpenAudit keeps the node's audit trails under dataDir/audit, reloading
// what earlier runs recorded; dataDir "" keeps them in memory. Every
// request's context carries them (see Session.Begin), so whatever a
// request changes records itself there.
func (r *Registry) OpenAudit(dataDir string) error {
	dir := ""
	if dataDir != "" {
		dir = filepath.Join(dataDir, "audit")
	}
	l, err := audit.Open(dir)
	if err != nil {
		return err
	}
	if r.audit != nil {
		_ = r.audit.Close()
	}
	r.audit = l
	return nil
}

// auditContext is ctx carrying the audit trails and user (with the
// client's address) a request's operations are recorded under.
func (r *Registry) auditContext(ctx context.Context, user func() string, meta Meta) context.Context {
	return audit.NewContext(ctx, r.audit, audit.Actor{User: user, RemoteIP: meta.RemoteIP, RemotePort: meta.RemotePort})
}
