/**
 * Reading and naming files safely: bounded, link-aware reads of trees mwexp did not write
 * ({@link dev.mwexp.files.SafeTree}), the OS reason of an I/O failure in words
 * ({@link dev.mwexp.files.IoReason}), and user strings made inert for one-line messages
 * ({@link dev.mwexp.files.Inert}).
 */
package dev.mwexp.files;
