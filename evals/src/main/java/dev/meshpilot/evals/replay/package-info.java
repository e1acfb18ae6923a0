/**
 * LLM replay: cassettes of recorded model exchanges (request and response, in order) served by WireMock so
 * that a model-backed run is repeatable offline, and the recording proxy that makes new cassettes from a
 * live model.
 */
package dev.meshpilot.evals.replay;
