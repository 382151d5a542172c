package engine

import (
	"github.com/porpoisedb/porpoise/audit"
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/authfuncs"
)

// The interpreter is the Host of package authfuncs (users, groups,
// privileges); linking authfuncs here registers those functions.
var _ authfuncs.Host = (*interp)(nil)

// Principal implements authfuncs.Host.
func (in *interp) Principal() auth.Principal { return in.s.principal() }

// DatabaseExists implements authfuncs.Host.
func (in *interp) DatabaseExists(path string) bool {
	_, err := in.s.eng.dbs.Lookup(path)
	return err == nil
}

// SharedTable implements authfuncs.Host.
func (in *interp) SharedTable(name string) (auth.SharedTable, bool) {
	return in.s.eng.sharedTable(name)
}

// ControlShared implements authfuncs.Host.
func (in *interp) ControlShared(name string) {
	if o := in.s.eng.shared.Get(name); o != nil {
		o.Controlled.Store(true)
	}
}

// LoggedInUsers implements authfuncs.Host.
func (in *interp) LoggedInUsers() []string { return in.s.eng.logins.Users() }

// ScramLogin implements authfuncs.Host: a good proof logs the session in.
func (in *interp) ScramLogin(user, combined, proof string) (string, error) {
	sig, err := in.s.eng.acl.ScramFinal(user, combined, proof, in.s.remoteIP())
	if err != nil {
		return "", err
	}
	// the page is silent on SCRAM: the password never travels, so encrypted
	audit.LoggedIn(in.Context(), user, true)
	in.s.setUser(user)
	return sig, nil
}
