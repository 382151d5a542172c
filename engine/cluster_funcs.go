package engine

import "github.com/porpoisedb/porpoise/funcs"

// SetSite tells the engine where its server listens, for getNodeHost,
// getNodePort and getClusterPerf; site is called on each use (it may
// count connections). nil forgets it.
func (e *Engine) SetSite(site func() funcs.Site) {
	if site == nil {
		e.site.Store(nil)
		return
	}
	e.site.Store(&site)
}

// Site implements funcs.SiteEnv: the announced site, else DolphinDB's
// single-node default.
func (in *interp) Site() funcs.Site {
	if f := in.s.eng.site.Load(); f != nil {
		return (*f)()
	}
	return funcs.Site{Host: "localhost", Port: 8848, Alias: funcs.DefaultAlias}
}
