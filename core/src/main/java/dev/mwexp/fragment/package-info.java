/**
 * What an exporter contributes to the real repositories: a {@link dev.mwexp.fragment.Fragment} is a
 * repository, a path in it and a {@link dev.mwexp.fragment.Merge} saying how mw-experimental's part
 * merges into the file there. Values only: applying them to a checkout is another module's work.
 */
package dev.mwexp.fragment;
