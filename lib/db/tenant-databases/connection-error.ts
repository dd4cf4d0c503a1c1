// The URL and its password never appear, whatever the driver put in the message.
export function describeConnectionError(error: unknown, url: string): string {
  const first = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
  // A refused multi-address name is an AggregateError with no message, only a code.
  const code = (error as { code?: unknown } | null)?.code;
  let message = first.replaceAll(url, "<url>");
  try {
    const password = decodeURIComponent(new URL(url).password);
    if (password) message = message.replaceAll(password, "<password>");
  } catch {
    // Not a URL the driver could have used either; the message cannot contain its parts.
  }
  message = message.replace(/postgres(ql)?:\/\/\S+/g, "<url>");
  return message || (typeof code === "string" ? code : "unknown error");
}
