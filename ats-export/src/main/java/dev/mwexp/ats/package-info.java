/**
 * The CDN side: the ts_lua X-Wikimedia-Debug routing script, its remap wiring, the backend list
 * for the WikimediaDebug extension, and the per-datacenter CNAME records.
 */
package dev.mwexp.ats;
