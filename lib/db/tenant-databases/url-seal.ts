import { deriveKey, open, seal } from "@/lib/crypto/secret-box";

// Secret passed in: the migration and registry commands run without the app's full environment.
function key(secret: string | undefined): Buffer {
  if (!secret) throw new Error("AUTH_SECRET is required to use dedicated tenant databases.");
  return deriveKey(secret, "keel:tenant-database-url");
}

export function sealUrlWith(url: string, secret: string | undefined): string {
  return seal(url, key(secret));
}

export function openUrlWith(sealed: string, secret: string | undefined): string {
  return open(sealed, key(secret));
}
