/** Collections built the cheap way when their input is already in order. */
package dev.mwexp.collect;
