package server

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"strings"
	"sync"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/stream"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// function runs a function request. A few names belong to the server
// rather than the engine: the C++/Python login handshake.
func (c *conn) function(ctx context.Context, req *wire.Request) (value.Value, error) {
	name := strings.TrimSpace(req.Function)
	switch name {
	case "getDynamicPublicKey":
		if len(req.Args) != 0 {
			break
		}
		pemText, err := c.srv.publicKeyPEM()
		if err != nil {
			return nil, err
		}
		return value.NewString(pemText), nil
	case "login":
		if len(req.Args) >= 2 && len(req.Args) <= 3 {
			return c.login(req.Args)
		}
	case "publishTable":
		ctx = stream.WithSink(ctx, c.publisher())
	}
	return c.sess.CallContext(ctx, name, req.Args...)
}

// login is the function login(user, password[, encrypted]).
func (c *conn) login(args []value.Value) (value.Value, error) {
	user, ok1 := stringScalar(args[0])
	pw, ok2 := stringScalar(args[1])
	if !ok1 || !ok2 {
		return nil, ddberr.Errorf("The user name and password must be strings.")
	}
	encrypted := false
	if len(args) == 3 {
		enc, ok := args[2].(*value.Scalar)
		if !ok || enc.T != value.Bool {
			return nil, ddberr.Errorf("The argument enableEncryption of login must be a boolean scalar.")
		}
		if encrypted = !enc.Null && enc.Bool(); encrypted {
			var err error
			if user, pw, err = c.srv.decryptCredentials(user, pw); err != nil {
				return nil, err
			}
		}
	}
	if err := c.sess.Login(user, pw, encrypted); err != nil {
		return nil, err
	}
	return value.NewBool(true), nil
}

func stringScalar(v value.Value) (string, bool) {
	s, ok := v.(*value.Scalar)
	if !ok || (s.T != value.String && s.T != value.Symbol) {
		return "", false
	}
	return s.S, true
}

// defaultKey is the login key of servers given none, made once per process.
var defaultKey = sync.OnceValues(func() (*rsa.PrivateKey, error) {
	return rsa.GenerateKey(rand.Reader, 2048)
})

// rsaKey is the server's login key.
func (s *Server) rsaKey() (*rsa.PrivateKey, error) {
	if s.opts.RSAKey != nil {
		return s.opts.RSAKey, nil
	}
	return defaultKey()
}

// publicKeyPEM is the answer to getDynamicPublicKey: the public key as a
// PEM SubjectPublicKeyInfo ("-----BEGIN PUBLIC KEY-----").
func (s *Server) publicKeyPEM() (string, error) {
	k, err := s.rsaKey()
	if err != nil {
		return "", err
	}
	der, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
	if err != nil {
		return "", err
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})), nil
}

// decryptCredentials undoes the C++ client's encryption: RSA PKCS#1 v1.5
// with the key of getDynamicPublicKey, then base64 with line breaks.
func (s *Server) decryptCredentials(user, pw string) (string, string, error) {
	k, err := s.rsaKey()
	if err != nil {
		return "", "", err
	}
	u, err1 := decryptField(k, user)
	p, err2 := decryptField(k, pw)
	if err1 != nil || err2 != nil {
		return "", "", ddberr.Errorf("The user name or password is incorrect.")
	}
	return u, p, nil
}

func decryptField(k *rsa.PrivateKey, text string) (string, error) {
	clean := strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', ' ', '\t':
			return -1
		}
		return r
	}, text)
	ct, err := base64.StdEncoding.DecodeString(clean)
	if err != nil {
		return "", err
	}
	pt, err := rsa.DecryptPKCS1v15(nil, k, ct) //nolint:staticcheck // the C++ API's scheme
	if err != nil {
		return "", err
	}
	return string(pt), nil
}
