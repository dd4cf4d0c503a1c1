import "server-only";

import { Receiver } from "@upstash/qstash";
import { env } from "@/lib/env";

let receiver: Receiver | undefined;

// Checked with the current and next signing keys, so a key rotation never rejects a valid call.
export async function isQStashCall(request: Request, body: string): Promise<boolean> {
  const currentSigningKey = env.QSTASH_CURRENT_SIGNING_KEY;
  const nextSigningKey = env.QSTASH_NEXT_SIGNING_KEY;
  const signature = request.headers.get("upstash-signature");
  if (!env.QSTASH_TOKEN || !currentSigningKey || !nextSigningKey || !signature) return false;
  receiver ??= new Receiver({ currentSigningKey, nextSigningKey, devMode: false });
  try {
    return await receiver.verify({
      signature,
      body,
      // The URL QStash was given, not the one a proxy rewrote the request to.
      url: `${env.appUrl}${new URL(request.url).pathname}`,
      clockTolerance: 5,
    });
  } catch {
    return false;
  }
}
