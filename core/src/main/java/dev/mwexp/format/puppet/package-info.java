/**
 * Puppet manifests as tokens: the lexer and what mwexp reads of a manifest (node statements,
 * resource declarations, class parameters), shared by site.pp's editor and the checker's reading
 * of the profile class. Nothing here evaluates Puppet; the tests run real Puppet for that.
 */
package dev.mwexp.format.puppet;
