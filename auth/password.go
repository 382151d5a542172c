package auth

import (
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"unicode"

	"github.com/porpoisedb/porpoise/ddberr"
)

// iterations is the PBKDF2 count of new verifiers: RFC 7677's minimum for
// SCRAM-SHA-256, which keeps a login near a millisecond.
const iterations = 4096

// Verifier is what the store keeps of a password: SCRAM-SHA-256's salted
// keys (RFC 5802). Both the plain login and SCRAM check against it, so
// the password itself is never stored.
type Verifier struct {
	Salt       []byte `json:"salt"`
	Iterations int    `json:"iterations"`
	StoredKey  []byte `json:"storedKey"`
	ServerKey  []byte `json:"serverKey"`
}

// newVerifier salts and hashes a password.
func newVerifier(password string) (Verifier, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return Verifier{}, err
	}
	return deriveVerifier(password, salt, iterations)
}

func deriveVerifier(password string, salt []byte, iter int) (Verifier, error) {
	salted, err := pbkdf2.Key(sha256.New, password, salt, iter, sha256.Size)
	if err != nil {
		return Verifier{}, err
	}
	clientKey := hmacSHA256(salted, []byte("Client Key"))
	stored := sha256.Sum256(clientKey)
	return Verifier{Salt: salt, Iterations: iter, StoredKey: stored[:], ServerKey: hmacSHA256(salted, []byte("Server Key"))}, nil
}

// matches reports whether password is the one v was made from.
func (v Verifier) matches(password string) bool {
	if len(v.Salt) == 0 {
		return false
	}
	w, err := deriveVerifier(password, v.Salt, v.Iterations)
	if err != nil {
		return false
	}
	return subtle.ConstantTimeCompare(w.StoredKey, v.StoredKey) == 1
}

// verifyProof checks a SCRAM client proof for authMessage and returns the
// server signature the client checks in turn.
func (v Verifier) verifyProof(authMessage string, proof []byte) ([]byte, bool) {
	sig := hmacSHA256(v.StoredKey, []byte(authMessage))
	if len(proof) != len(sig) {
		return nil, false
	}
	clientKey := make([]byte, len(sig))
	for i := range sig {
		clientKey[i] = proof[i] ^ sig[i]
	}
	got := sha256.Sum256(clientKey)
	if subtle.ConstantTimeCompare(got[:], v.StoredKey) != 1 {
		return nil, false
	}
	return hmacSHA256(v.ServerKey, []byte(authMessage)), true
}

func hmacSHA256(key, msg []byte) []byte {
	h := hmac.New(sha256.New, key)
	h.Write(msg)
	return h.Sum(nil)
}

// checkPassword applies createUser's rule: no spaces or control
// characters, and with enhancedSecurityVerification 8 to 20 characters
// with an upper-case letter and a special character.
func checkPassword(pw string, enhanced bool) error {
	bad := pw == ""
	for _, r := range pw {
		bad = bad || unicode.IsSpace(r) || unicode.IsControl(r)
	}
	if bad {
		return ddberr.Errorf("The password can't be empty or contain spaces or control characters.")
	}
	if !enhanced {
		return nil
	}
	upper, special := false, false
	for _, r := range pw {
		switch {
		case unicode.IsUpper(r):
			upper = true
		case r < 128 && unicode.IsPunct(r) || r < 128 && unicode.IsSymbol(r):
			special = true
		}
	}
	if n := len([]rune(pw)); n < 8 || n > 20 || !upper || !special {
		return ddberr.Errorf("The password must have 8 to 20 characters, including at least one upper-case letter and one special character.")
	}
	return nil
}

// checkName applies the rule for user and group names: letters, digits
// and underscores, not starting with a digit or underscore, at most 30
// characters.
func checkName(name, what string) error {
	ok := name != "" && len(name) <= 30
	for i, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case (r >= '0' && r <= '9' || r == '_') && i > 0:
		default:
			ok = false
		}
	}
	if !ok {
		return ddberr.Errorf("Invalid %s name [%s]. It may contain only letters, digits and underscores, must not start with a digit or underscore, and must not exceed 30 characters.", what, name)
	}
	return nil
}
