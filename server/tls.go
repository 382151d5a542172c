package server

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/atomicfile"
)

// TLS on the API port, as DolphinDB's enableHTTPS serves it: a connection
// whose first byte is a TLS handshake record (0x16) is wrapped in a TLS
// server connection and then served like any other (binary API or
// WebSocket), so useSSL=True clients reach the same port.

// tlsHandshakeRecord is the first byte of a TLS ClientHello.
const tlsHandshakeRecord = 0x16

// tlsHandshakeTimeout bounds a client's handshake.
const tlsHandshakeTimeout = 10 * time.Second

// selfSigned is the TLS configuration of servers given none, with a
// self-signed certificate made once per process.
var selfSigned = sync.OnceValues(func() (*tls.Config, error) {
	cert, err := selfSignedCert()
	if err != nil {
		return nil, err
	}
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, nil
})

// tlsConfig is Options.TLS, or the self-signed configuration when none is
// given.
func (s *Server) tlsConfig() (*tls.Config, error) {
	if s.opts.TLS != nil {
		return s.opts.TLS, nil
	}
	return selfSigned()
}

// selfSignedCert makes an ECDSA P-256 certificate for localhost valid
// for ten years; the APIs do not verify the server's certificate.
func selfSignedCert() (tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 62))
	if err != nil {
		return tls.Certificate{}, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: "porpoise", Organization: []string{"Porpoise"}},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().AddDate(10, 0, 0),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:     []string{"localhost"},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, err
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, nil
}

// The file names DolphinDB reads its certificate and private key from,
// in the keys folder of its home directory; it writes a self-signed pair
// there when the folder holds none.
const (
	certFile = "server.crt"
	keyFile  = "serverPrivate.key"
)

// KeysTLS returns the TLS configuration of a server whose home directory
// holds dir (DolphinDB's <home>/keys): the certificate server.crt and key
// serverPrivate.key found there (PEM; a certificate bought from an
// authority is installed by copying it in under these names), or, when
// neither exists, a self-signed pair made now and written there so that
// clients can pin it across restarts. One of the two without the other is
// an error rather than a silent replacement.
func KeysTLS(dir string) (*tls.Config, error) {
	crt, key := filepath.Join(dir, certFile), filepath.Join(dir, keyFile)
	_, cerr := os.Stat(crt)
	_, kerr := os.Stat(key)
	switch {
	case cerr == nil && kerr == nil:
		cert, err := tls.LoadX509KeyPair(crt, key)
		if err != nil {
			return nil, fmt.Errorf("load %s and %s: %w", crt, key, err)
		}
		return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, nil
	case errors.Is(cerr, fs.ErrNotExist) && errors.Is(kerr, fs.ErrNotExist):
	case cerr == nil || kerr == nil:
		return nil, fmt.Errorf("%s holds only one of %s and %s", dir, certFile, keyFile)
	default:
		return nil, errors.Join(cerr, kerr)
	}
	cert, err := selfSignedCert()
	if err != nil {
		return nil, err
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(cert.PrivateKey)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	// The key first and private: a crash between the two writes leaves a
	// key without a certificate, which the next start reports.
	if err := writePEM(key, "PRIVATE KEY", keyDER, 0o600); err != nil {
		return nil, err
	}
	if err := writePEM(crt, "CERTIFICATE", cert.Certificate[0], 0o644); err != nil {
		return nil, err
	}
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, nil
}

// writePEM writes one PEM block to path, replacing the file as a whole.
func writePEM(path, kind string, der []byte, perm os.FileMode) error {
	return atomicfile.Write(path, pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: der}), perm)
}

// startTLS completes the TLS handshake on a connection whose peeked first
// byte is a handshake record; the returned connection replaces c.nc.
func (c *conn) startTLS(br *bufio.Reader) (net.Conn, error) {
	cfg, err := c.srv.tlsConfig()
	if err != nil {
		return nil, err
	}
	tc := tls.Server(&bufferedConn{Conn: c.nc, r: br}, cfg)
	tc.SetDeadline(time.Now().Add(tlsHandshakeTimeout))
	if err := tc.Handshake(); err != nil {
		return nil, err
	}
	tc.SetDeadline(time.Time{})
	return tc, nil
}
