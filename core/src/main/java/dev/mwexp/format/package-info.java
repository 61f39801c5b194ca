/**
 * One reader and one editor per file format of the real repositories: Lua routing tables, YAML
 * mappings with their comments, JSON lists, gdnsd zone templates, Puppet manifests (site.pp and
 * the profile class). This package holds what they share: line arithmetic and the unified diff.
 * Each format's merge kinds ({@code yaml.YamlKeys}, {@code lua.LuaTableEntries}, …) live beside
 * its editor and apply themselves through it. A reader gives
 * the facts with their lines (for {@code check} and {@code import}); an editor splices
 * mw-experimental's entries into a file and leaves every other byte as it was (for {@code sync}).
 */
package dev.mwexp.format;
