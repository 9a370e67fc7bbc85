package io.wkforge.lang.schema;

/**
 * One allowed name of an enum slot.
 *
 * @param code what the name stands for in a tool's own terms (the nnie_mapper .cfg value), or null
 */
public record Choice(String name, String doc, String code) {}
