package retention

import (
	"time"

	"github.com/porpoisedb/porpoise/dbfuncs"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sysfuncs"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	funcs.Register(funcs.Spec{Name: "setRetentionPolicy", Params: []string{"dbHandle", "retentionHours", "retentionDimension", "hoursToColdVolume"},
		Min: 2, Max: 4, Props: funcs.Session | funcs.Command, Category: "system", Fn: setRetentionPolicy})
	sysfuncs.AddSweep(time.Hour, sweep)
}

func setRetentionPolicy(env funcs.Env, args []value.Value) (value.Value, error) {
	h, db, err := dbfuncs.WritableDatabase[dbfuncs.Host](env, args[0])
	if err != nil {
		return nil, err
	}
	if !db.DFS() {
		return nil, ddberr.Errorf("setRetentionPolicy only applies to a DFS database.")
	}
	if err := h.CheckManageDatabase(db); err != nil {
		return nil, err
	}
	var pol Policy
	if pol.Hours, err = positive(args[1], "retentionHours"); err != nil {
		return nil, err
	}
	if x := funcs.Arg(args, 2); !funcs.NullOrAbsent(x) {
		dim, err := funcs.IntScalar("setRetentionPolicy", x)
		if err != nil {
			return nil, err
		}
		pol.Dimension = int(dim)
	}
	_, unit, ok := timeLevel(db, pol.Dimension)
	if !ok {
		return nil, ddberr.Errorf("The partitioning scheme of the database at retentionDimension %d must be a VALUE or RANGE scheme of DATE or DATEHOUR type.", pol.Dimension)
	}
	if x := funcs.Arg(args, 3); !funcs.NullOrAbsent(x) {
		if pol.HoursToColdVolume, err = positive(x, "hoursToColdVolume"); err != nil {
			return nil, err
		}
		if pol.Hours-pol.HoursToColdVolume <= 7*24 {
			return nil, ddberr.Errorf("retentionHours - hoursToColdVolume must be greater than 7 * 24.")
		}
	}
	step := unit / int64(time.Hour)
	if pol.Hours%step != 0 || pol.HoursToColdVolume%step != 0 {
		return nil, ddberr.Errorf("retentionHours and hoursToColdVolume must be multiples of the partition precision (%d hours).", step)
	}
	if err := policiesOf(h).set(db.Path(), pol); err != nil {
		return nil, err
	}
	_, err = apply(db, pol, time.Now())
	return nil, err
}

func positive(x value.Value, param string) (int64, error) {
	n, err := funcs.IntScalar("setRetentionPolicy", x)
	if err != nil || n <= 0 {
		return 0, ddberr.Errorf("The argument [%s] of setRetentionPolicy must be a positive integer.", param)
	}
	return n, nil
}

// sweep enforces the engine's policies (at start and every hour).
func sweep(r sysfuncs.Runner, now time.Time) {
	h, err := r.HostFor("admin", nil)
	if err != nil {
		return
	}
	if sh, ok := h.(dbfuncs.StoreHost); ok {
		policiesOf(sh).enforce(sh.Catalog(), now)
	}
}
