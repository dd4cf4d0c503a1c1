/**
 * Why a tenant database could not be reached or migrated, in one line an operator can paste
 * into a ticket: the URL and its password never appear, whatever the driver put in the message.
 */
export function describeConnectionError(error: unknown, url: string): string {
  const first = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
  // Node reports a refused connection to a name with several addresses as an AggregateError
  // without a message: its code says it.
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
