/**
 * The drift agent: where the observed state departs from the declared policies (grants vs classification,
 * schema vs contract, retention, freshness, ownership, contract required, classification along lineage, custom
 * CEL rules), with evidence, owner, a draft fix, exceptions applied, and what changed since the previous
 * recorded run of the same scope.
 */
package dev.meshpilot.agents.drift;
