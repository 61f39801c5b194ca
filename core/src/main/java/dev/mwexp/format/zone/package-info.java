/**
 * operations/dns' zone templates: gdnsd's zone-file syntax with Jinja lines, read once by
 * {@link dev.mwexp.format.zone.ZoneTemplate}, and mw-experimental's CNAME in each datacenter's
 * {@code $ORIGIN} section kept by {@link dev.mwexp.format.zone.ZoneEditor}.
 */
package dev.mwexp.format.zone;
