/**
 * The Slack adapter of chat: {@code POST /slack/commands}, {@code /slack/events} and {@code /slack/interactivity}
 * on {@code meshpilot serve}, each request verified by Slack's v0 signature before anything is read from it; Block
 * Kit rendering within Slack's limits; and a Web API client that retries what can be retried and leaves a log line
 * and an audit record for every answer it could not deliver.
 */
package dev.meshpilot.server.chat.slack;
