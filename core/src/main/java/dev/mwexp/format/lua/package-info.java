/**
 * The X-Wikimedia-Debug routing script of operations/puppet, a ts_lua remap script: its lexer
 * ({@code LuaLexer}), the one reader of its table constructors ({@link dev.mwexp.format.lua.LuaTables},
 * Lua 5.1's grammar over the whole chunk), and the editor that splices mw-experimental's backend
 * entries into {@code debug_maps} and leaves every other byte as it was
 * ({@link dev.mwexp.format.lua.LuaTableEditor}, driven by {@link dev.mwexp.format.lua.LuaTableEntries}).
 */
package dev.mwexp.format.lua;
