const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

// Tests drop databases: refuse any non-local one, so a production DATABASE_URL is never wiped.
export function assertLocalDatabase(url: string): URL {
  const parsed = new URL(url);
  const host = parsed.searchParams.get("host") ?? parsed.hostname;
  const isSocket = host.startsWith("/");
  if (!isSocket && !LOCAL_HOSTS.has(host)) {
    throw new Error(
      `Refusing to run tests against the non-local database host "${host}". ` +
        "Point TEST_DATABASE_URL at a PostgreSQL on this machine, or unset it to use the embedded one.",
    );
  }
  return parsed;
}
