package dev.meshpilot.mesh.view;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of a result record as free text from the mesh (a description, an error message, a
 * runbook body): the gate fences it, and the derived output schema says it is the plain string, null, or
 * {@code {"untrusted": true, "flagged": bool, "text": "..."}}. The tools' {@code Results.ok} fences every
 * component so marked, in nested records and lists too.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface FreeText {}
