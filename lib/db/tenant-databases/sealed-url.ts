import { env } from "@/lib/env";
import { openUrlWith, sealUrlWith } from "./url-seal";

// Sealed: the URL carries a password, and a copy of the main database alone must not open it.
export function sealTenantDatabaseUrl(url: string): string {
  return sealUrlWith(url, env.AUTH_SECRET);
}

export function openTenantDatabaseUrl(sealed: string): string {
  return openUrlWith(sealed, env.AUTH_SECRET);
}
