/**
 * Query parameters whose values are secrets: the one-time tokens in our email links and
 * the session hand-off (`token`), and what an OAuth provider sends back (`code`, `state`).
 */
const SECRET_PARAMETERS = ["token", "code", "state"];

// `name=value` after `?`, `&`, or `;` (the end of `&amp;` in an HTML body), in any text:
// a URL, a request log line, an error message that quotes a URL or an email body.
const secretParameter = new RegExp(
  String.raw`([?&;](?:${SECRET_PARAMETERS.join("|")})=)[^&\s"'<>#;]+`,
  "gi",
);

/**
 * Replaces the value of every token-bearing query parameter in `text` with
 * `[redacted]`. Every line that may hold a link (request logs, delivery errors, error
 * messages) goes through this before it is logged or stored: a token in a log is a
 * password reset, a sign-in or a session for whoever reads the logs.
 */
export function redactTokens(text: string): string {
  return text.replace(secretParameter, "$1[redacted]");
}

/** An error as one redacted string for a log line: name, message and stack. */
export function redactedError(error: unknown): string {
  if (error instanceof Error) return redactTokens(error.stack ?? `${error.name}: ${error.message}`);
  return redactTokens(String(error));
}
