/**
 * What every module shares: the one root exception, {@link dev.meshpilot.core.MeshpilotException}, and
 * its stable {@link dev.meshpilot.core.ErrorCode}s.
 */
package dev.meshpilot.core;
