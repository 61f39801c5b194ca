/** The one value every finding is, and nothing that prints it. */
package dev.mwexp.diagnostic;
