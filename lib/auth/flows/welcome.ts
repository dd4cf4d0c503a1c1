import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmail } from "@/lib/outbox/enqueue";

// Queued in the transaction that confirms the address (the verification link, or creation for
// magic-link and OAuth sign-ups); the outbox's unique dedupe key makes it one per user, ever.
export function queueWelcomeEmail(
  tx: Prisma.TransactionClient,
  user: { id: string; email: string; name: string | null },
): Promise<string> {
  return enqueueEmail(tx, {
    to: user.email,
    template: "welcome",
    data: { name: user.name },
    dedupeKey: `welcome:${user.id}`,
  });
}
