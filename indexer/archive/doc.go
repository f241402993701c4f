// Package archive knows the shapes of a mirrored newsletter archive such
// as "Interaction Asia": which source keys are issues and which are
// articles, where an article's issue page is, the other-language edition
// of a page, the number an issue label stands for, and which links of a
// page point at files the archive does not hold.
//
// Every function is pure: it works on source keys (a path with forward
// slashes, or an http(s) URL, plus "#part" for a part of a split page) and
// asks the caller, through an exists func, whether a key is known.
package archive
