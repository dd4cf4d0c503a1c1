const SECRET_PARAMETERS = ["token", "code", "state"];

// `;` ends `&amp;` in an HTML email body.
const secretParameter = new RegExp(
  String.raw`([?&;](?:${SECRET_PARAMETERS.join("|")})=)[^&\s"'<>#;]+`,
  "gi",
);

// A token in a log is a password reset, sign-in or session for whoever reads the logs.
export function redactTokens(text: string): string {
  return text.replace(secretParameter, "$1[redacted]");
}

export function redactedError(error: unknown): string {
  if (error instanceof Error) return redactTokens(error.stack ?? `${error.name}: ${error.message}`);
  return redactTokens(String(error));
}
