package sysfuncs

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/filesys"
	"github.com/porpoisedb/porpoise/value"
)

// Porpoise needs no licence. license() describes it the way DolphinDB
// describes a valid free licence, with Porpoise's real limits: one node,
// the memory cap in force, every CPU core, no optional modules, no
// version restriction, and an expiration date that is never reached.

// licenceExpiration is the date license() and getLicenseExpiration()
// report: Porpoise's use does not expire.
var licenceExpiration = value.DaysFromCivil(2099, 12, 31)

func init() {
	funcs.Register(
		funcs.Spec{Name: "license", Params: []string{"fileName", "pubKeyFile", "read"}, Min: 0, Max: 3, Props: funcs.Session, Category: "system", Fn: license},
		funcs.Spec{Name: "updateLicense", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: license},
		funcs.Spec{Name: "getLicenseExpiration", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: func(funcs.Env, []value.Value) (value.Value, error) {
			return value.NewTyped(value.Date, licenceExpiration), nil
		}},
		funcs.Spec{Name: "getMachineFingerprint", Params: []string{"outputPath"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "system", Fn: funcs.WithHostCheck(Host.CheckRead, machineFingerprint)},
	)
	funcs.Alias("generateMachineFingerprint", "getMachineFingerprint")
}

func license(env funcs.Env, args []value.Value) (value.Value, error) {
	for i, a := range args {
		if a == nil || i == 2 {
			continue
		}
		if _, ok := funcs.StringArg(a); !ok {
			return nil, ddberr.Errorf("The licence file name must be a string.")
		}
	}
	mem := int64(0)
	if h, ok := env.(Host); ok {
		mem = int64(h.MaxMemSizeGB())
	}
	entries := []struct {
		k string
		v value.Value
	}{
		{"authorization", value.NewString("trial")},
		{"licenseType", value.NewInt(0)},
		{"maxMemoryPerNode", value.NewLong(mem)},
		{"bindCores", value.NewString("")},
		{"maxCoresPerNode", value.NewInt(int32(runtime.NumCPU()))},
		{"clientName", value.NewString("porpoise")},
		{"port", value.NewInt(0)},
		{"bindCPU", value.NewBool(false)},
		{"expiration", value.NewTyped(value.Date, licenceExpiration)},
		{"maxNodes", value.NewInt(1)},
		{"version", value.NewString("")},
		{"modules", value.NewInt(-1)},
		{"moduleNames", value.NewString("")},
		{"productKey", value.NewString("DOLPHIN")},
	}
	d := value.NewDict(value.String, value.Any)
	for _, e := range entries {
		d.Put(value.NewStrings(value.String, []string{e.k}), 0, value.NewTuple([]value.Value{e.v}), 0)
	}
	return d, nil
}

// fingerprintFile is the file getMachineFingerprint writes in outputPath.
const fingerprintFile = "machineFingerprint.txt"

// machineFingerprint writes a fingerprint of this machine (a hash of its
// host name and machine id) into outputPath.
func machineFingerprint(_ Host, env funcs.Env, args []value.Value) (value.Value, error) {
	dir, ok := funcs.StringArg(args[0])
	if !ok || dir == "" {
		return nil, ddberr.Errorf("The argument [outputPath] of getMachineFingerprint must be a directory path.")
	}
	// the directory is a file function's path: relative to the home
	// directory and confined to it
	path, err := filesys.Resolve(env, dir)
	if err != nil {
		return nil, err
	}
	name, _ := os.Hostname()
	id, _ := os.ReadFile("/etc/machine-id")
	sum := sha256.Sum256(append([]byte(name+"\x00"), id...))
	if err := os.WriteFile(filepath.Join(path, fingerprintFile), []byte(hex.EncodeToString(sum[:])+"\n"), 0o644); err != nil {
		return nil, ddberr.Errorf("Failed to write the machine fingerprint to %s: %s", dir, err.Error())
	}
	return nil, nil
}
