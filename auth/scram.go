package auth

import (
	"crypto/rand"
	"encoding/base64"
	"strconv"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
)

// SCRAM-SHA-256 login (RFC 5802) as DolphinDB's clients run it: the
// client calls scramClientFirst(user, clientNonce) and gets [salt,
// iterations, combinedNonce]; it then calls scramClientFinal(user,
// combinedNonce, proof) and gets the server signature, which it checks.
// The messages are not sent; both sides build the RFC's AuthMessage from
// the values: "n=user,r=clientNonce,r=combined,s=salt,i=iter,c=biws,r=combined".

// errNotScram is what the C++ client falls back to RSA login on.
var errNotScram = ddberr.Errorf("sha256 authMode doesn't support scram authMode")

// scramTimeout is how long a first step waits for its final step.
const scramTimeout = time.Minute

// maxPending bounds the first steps kept; callers need no login.
const maxPending = 10000

type scramPending struct {
	user, clientNonce, salt string
	iter                    int
	at                      time.Time
}

// ScramFirst is scramClientFirst: the user's salt (base64), iteration
// count and the combined nonce the final step must name.
func (s *Store) ScramFirst(user, clientNonce string) (salt string, iter int, combined string, err error) {
	if clientNonce == "" {
		return "", 0, "", ddberr.Errorf("The argument [%s] of %s must be %s.", "clientNonce", "scramClientFirst", "a non-empty string")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.st.Users[user]
	if u == nil {
		return "", 0, "", errBadLogin
	}
	if u.AuthMode != "scram" {
		return "", 0, "", errNotScram
	}
	now := s.opts.Now()
	if len(s.scram) >= maxPending {
		for k, p := range s.scram {
			if now.Sub(p.at) > scramTimeout {
				delete(s.scram, k)
			}
		}
		// Still full: the oldest pending first steps are as likely
		// abandoned as any; drop enough to make room.
		for k := range s.scram {
			if len(s.scram) < maxPending {
				break
			}
			delete(s.scram, k)
		}
	}
	nonce := make([]byte, 18)
	if _, err := rand.Read(nonce); err != nil {
		return "", 0, "", err
	}
	combined = clientNonce + base64.StdEncoding.EncodeToString(nonce)
	salt = base64.StdEncoding.EncodeToString(u.Verifier.Salt)
	iter = u.Verifier.Iterations
	s.scram[combined] = scramPending{user: user, clientNonce: clientNonce, salt: salt, iter: iter, at: now}
	return salt, iter, combined, nil
}

// ScramFinal is scramClientFinal: it checks the client's proof (base64)
// and returns the server signature (base64). A wrong proof counts as a
// failed login from ip.
func (s *Store) ScramFinal(user, combined, proof, ip string) (string, error) {
	s.mu.Lock()
	p, ok := s.scram[combined]
	delete(s.scram, combined)
	u := s.st.Users[user]
	var v Verifier
	locked := false
	if u != nil {
		v, locked = u.Verifier, u.Locked
	}
	now := s.opts.Now()
	s.mu.Unlock()
	if !ok || p.user != user || now.Sub(p.at) > scramTimeout || u == nil {
		return "", ddberr.Errorf("SCRAM authentication failed: no matching scramClientFirst.")
	}
	if locked {
		return "", errLocked(user)
	}
	if err := s.checkLockout(user, ip); err != nil {
		return "", err
	}
	raw, err := base64.StdEncoding.DecodeString(proof)
	if err != nil {
		s.recordFailure(user, ip)
		return "", errBadLogin
	}
	msg := "n=" + user + ",r=" + p.clientNonce + ",r=" + combined + ",s=" + p.salt + ",i=" + strconv.Itoa(p.iter) + ",c=biws,r=" + combined
	sig, ok := v.verifyProof(msg, raw)
	if !ok {
		s.recordFailure(user, ip)
		return "", errBadLogin
	}
	return base64.StdEncoding.EncodeToString(sig), nil
}
