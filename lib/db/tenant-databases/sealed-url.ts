import { deriveKey, open, seal } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";

// A tenant database's URL carries its password, so the registry keeps it sealed: a copy of the
// main database alone does not open the customer's.
function key(): Buffer {
  if (!env.AUTH_SECRET)
    throw new Error("AUTH_SECRET is required to use dedicated tenant databases.");
  return deriveKey(env.AUTH_SECRET, "keel:tenant-database-url");
}

export function sealTenantDatabaseUrl(url: string): string {
  return seal(url, key());
}

export function openTenantDatabaseUrl(sealed: string): string {
  return open(sealed, key());
}
