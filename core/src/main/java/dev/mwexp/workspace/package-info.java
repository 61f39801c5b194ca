/**
 * One command's checkouts: each opened inside its own boundary, each file read from disk once and
 * parsed once per parser, so that sync, import and check, which all read through a
 * {@link dev.mwexp.workspace.Workspace}, see the same bytes.
 */
package dev.mwexp.workspace;
