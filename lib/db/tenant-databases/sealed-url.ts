import { env } from "@/lib/env";
import { openUrlWith, sealUrlWith } from "./url-seal";

// A tenant database's URL carries its password, so the registry keeps it sealed: a copy of the
// main database alone does not open the customer's.

export function sealTenantDatabaseUrl(url: string): string {
  return sealUrlWith(url, env.AUTH_SECRET);
}

export function openTenantDatabaseUrl(sealed: string): string {
  return openUrlWith(sealed, env.AUTH_SECRET);
}
