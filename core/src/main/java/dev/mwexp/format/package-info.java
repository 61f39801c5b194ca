/**
 * One reader and one editor per file format of the real repositories: Lua routing tables, YAML
 * mappings with their comments, JSON lists, zone templates and site.pp node stanzas. A reader gives
 * the facts with their lines (for {@code check} and {@code import}); an editor splices
 * mw-experimental's entries into a file and leaves every other byte as it was (for {@code sync}).
 */
package dev.mwexp.format;
