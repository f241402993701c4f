package data

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
)

// newSecret returns 32 random bytes, base64url-encoded (43 characters).
func newSecret() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails since Go 1.24
	return base64.RawURLEncoding.EncodeToString(b)
}

// secretKey is the stored form of a session or token secret. SHA-256 is
// enough here, unlike for passwords: the secrets are 256 random bits, so
// there is nothing to guess, and a stolen database file gives no usable
// secret.
func secretKey(secret string) []byte {
	h := sha256.Sum256([]byte(secret))
	return h[:]
}
