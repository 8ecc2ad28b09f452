/**
 * Immutable records of ECS things, shared by every backend and the UI. Component names follow the
 * ECS API model's member names, so the records map one to one onto the wire shapes. No SDK types,
 * no JavaFX types. Optional members are {@code null}; lists are never null.
 */
package dev.ecsdeck.model;
