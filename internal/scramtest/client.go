package scramtest

import (
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// Client returns the client's proof for password pw, given the server's
// first answer (base64 salt, iteration count, combined nonce) to the
// client's nonce, and the server signature the client must then get back,
// both base64.
func Client(t testing.TB, user, pw, clientNonce, salt string, iter int, combined string) (proof, serverSig string) {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(salt)
	require.NoError(t, err)
	salted, err := pbkdf2.Key(sha256.New, pw, raw, iter, 32)
	require.NoError(t, err)
	mac := func(k []byte, m string) []byte { h := hmac.New(sha256.New, k); h.Write([]byte(m)); return h.Sum(nil) }
	clientKey := mac(salted, "Client Key")
	stored := sha256.Sum256(clientKey)
	msg := "n=" + user + ",r=" + clientNonce + ",r=" + combined + ",s=" + salt + ",i=" + strconv.Itoa(iter) + ",c=biws,r=" + combined
	sig := mac(stored[:], msg)
	p := make([]byte, 32)
	for i := range p {
		p[i] = clientKey[i] ^ sig[i]
	}
	return base64.StdEncoding.EncodeToString(p), base64.StdEncoding.EncodeToString(mac(mac(salted, "Server Key"), msg))
}
