package engine

import (
	"sync"

	"github.com/porpoisedb/porpoise/funcs"
)

// sites holds the site a server announced for its engine (SetSite), read
// by the cluster built-ins through funcs.SiteEnv.
var sites sync.Map // *Engine -> siteFunc

type siteFunc func() funcs.Site

// SetSite tells the engine where its server listens, for getNodeHost,
// getNodePort and getClusterPerf; site is called on each use (it may
// count connections).
func (e *Engine) SetSite(site func() funcs.Site) {
	if site == nil {
		sites.Delete(e)
		return
	}
	sites.Store(e, siteFunc(site))
}

// Site implements funcs.SiteEnv.
func (in *interp) Site() funcs.Site {
	if f, ok := sites.Load(in.s.eng); ok {
		return f.(siteFunc)()
	}
	return funcs.Site{Host: "localhost", Port: 8848, Alias: funcs.DefaultAlias}
}
