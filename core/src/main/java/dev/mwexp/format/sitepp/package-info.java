/**
 * {@code manifests/site.pp}: the node stanzas of mw-experimental's hosts, edited over the Puppet
 * tokens so a stanza is found by its statement, never by a line that looks like one.
 */
package dev.mwexp.format.sitepp;
