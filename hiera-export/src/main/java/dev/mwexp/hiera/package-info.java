/**
 * Puppet hiera for the dedicated workers, in Wikimedia's hieradata layout: a file per host with
 * what turns it into an mw-experimental node, shared data for all of them, the {@code hiera.yaml}
 * that finds both, and the list of VMs to create.
 */
package dev.mwexp.hiera;
