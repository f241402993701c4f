package extract

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing/fstest"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// PDFs are read by PDFium compiled to WebAssembly, run by wazero: pure Go,
// no cgo, and sandboxed. The module is compiled once per process, on first
// use; each document is read by a fresh instance of it, at most
// pdfWorkers at once.
// Compiling takes about 5 s (40 s under the race detector), so the machine
// code is also cached on disk, in PDFCacheDir, for the next process.

// PDFCacheDir is where the compiled PDFium module is cached: the
// CASEBOOK_PDFIUM_CACHE environment variable, else casebook/pdfium in the
// user's cache directory. "off" (or no usable directory) compiles in every
// process. The directory must be writable by this user only: it holds
// machine code that is run.
func PDFCacheDir() string {
	if dir := os.Getenv("CASEBOOK_PDFIUM_CACHE"); dir != "" {
		if dir == "off" {
			return ""
		}
		return dir
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(base, "casebook", "pdfium")
}

// compilationCache returns a cache in PDFCacheDir, or in memory only.
func compilationCache() wazero.CompilationCache {
	if dir := PDFCacheDir(); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err == nil {
			if cache, err := wazero.NewCompilationCacheWithDir(dir); err == nil {
				return cache
			}
		}
	}
	return wazero.NewCompilationCache()
}

// engine is the process-wide PDFium pool.
var engine struct {
	once    sync.Once
	pool    pdfium.Pool
	err     error
	startup time.Duration // compiling the module and starting the pool
}

// pdfWorkers is how many documents PDFium reads at once.
func pdfWorkers() int {
	return max(1, min(runtime.GOMAXPROCS(0), 4))
}

// pdfPool returns the shared pool, creating it on first use.
func pdfPool() (pdfium.Pool, error) {
	engine.once.Do(func() {
		start := time.Now()
		// The sandbox sees only the fallback font, never the host's files:
		// documents are passed as bytes.
		fonts := wazero.NewFSConfig().WithFSMount(fstest.MapFS{
			"usr/share/fonts/casebook-cjk-fallback.ttf": {Data: cjkFallbackFont(), Mode: 0o444},
		}, "/")
		engine.pool, engine.err = newPDFiumPool(fonts)
		engine.startup = time.Since(start)
	})
	return engine.pool, engine.err
}

// newPDFiumPool compiles the PDFium module and starts a pool whose
// instances see the given file system.
func newPDFiumPool(fs wazero.FSConfig) (pdfium.Pool, error) {
	pool, err := webassembly.Init(webassembly.Config{
		MinIdle:  0,
		MaxIdle:  pdfWorkers(),
		MaxTotal: pdfWorkers(),
		// Every document gets a fresh instance (a few ms from the compiled
		// module): WebAssembly memory only grows, so a large PDF's memory
		// is given back, and no state carries over from one file to the next.
		ReuseWorkers: false,
		FSConfig:     fs,
		RuntimeConfig: wazero.NewRuntimeConfig().
			WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
			WithCloseOnContextDone(true). // lets Kill stop a call that runs too long
			WithCompilationCache(compilationCache()),
		Stdout: io.Discard,
		Stderr: io.Discard,
	})
	if err != nil {
		return nil, fmt.Errorf("starting PDFium: %w", err)
	}
	return pool, nil
}

// withPDFium runs fn on a PDFium instance of the shared pool.
func withPDFium[T any](timeout time.Duration, fn func(pdfium.Pdfium) (T, error)) (T, error) {
	pool, err := pdfPool()
	if err != nil {
		var zero T
		return zero, err
	}
	return withInstance(pool, timeout, fn)
}

// pdfQueueTimeout bounds the wait for a free instance. Every instance in
// use is released within its own time limit, so this only guards against
// a pool that has broken down.
const pdfQueueTimeout = 30 * time.Minute

// pdfKillAfter is how long a call that ran out of time may go on before
// its instance is killed.
const pdfKillAfter = 2 * time.Minute

// withInstance runs fn on an instance of the pool, within timeout once the
// instance is had; a panic in the binding is returned as ErrCorrupt. A
// call still running at the timeout is left to finish in the background
// and its instance closed then: killing an instance while a call runs in
// it races inside wazero (its file table is closed under the running
// call). Only a call still running pdfKillAfter later is killed.
func withInstance[T any](pool pdfium.Pool, timeout time.Duration, fn func(pdfium.Pdfium) (T, error)) (T, error) {
	var zero T
	inst, err := pool.GetInstance(pdfQueueTimeout)
	if err != nil {
		return zero, fmt.Errorf("no PDF worker: %w", err)
	}
	done := make(chan error, 1)
	var v T
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Errorf("%w: PDFium panicked: %v", ErrCorrupt, p)
			}
		}()
		var err error
		v, err = fn(inst)
		done <- err
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case err := <-done:
		if release(inst, err) {
			return zero, fmt.Errorf("%w: PDFium failed: %v", ErrCorrupt, err)
		}
		return v, err
	case <-timer.C:
		go func() {
			select {
			case err := <-done:
				release(inst, err)
			case <-time.After(pdfKillAfter):
				inst.Kill()
			}
		}()
		return zero, fmt.Errorf("%w: reading took longer than %v", ErrCorrupt, timeout)
	}
}

// release gives an instance back after its call returned err: killed when
// the call trapped (the module's state is unknown then), else closed. It
// reports whether it trapped.
func release(inst pdfium.Pdfium, err error) bool {
	if err != nil && isTrap(err) {
		inst.Kill()
		return true
	}
	inst.Close()
	return false
}

// isTrap reports an error from the WebAssembly runtime itself (a trap, an
// exhausted memory, a closed module) or a panic the binding recovered,
// rather than an error PDFium returned.
func isTrap(err error) bool {
	msg := err.Error()
	for _, sign := range []string{"wasm error", "module closed", "panic occurred", "instance is closed"} {
		if strings.Contains(msg, sign) {
			return true
		}
	}
	return false
}
