import "server-only";

import type Stripe from "stripe";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/observability/logger";
import { redactString } from "@/lib/observability/redact";

export type FailedEventSubject = { customerId: string | null; organizationId: string | null };

const MAX_ERROR_LENGTH = 2_000;

// Shown to staff in the console: redacted like a log line, and bounded.
export function describeFailure(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return redactString(text).slice(0, MAX_ERROR_LENGTH);
}

// A discarded failure stays discarded; Stripe's own retries still count as attempts. Never
// throws: the caller reports the original error.
export async function recordEventFailure(
  event: Stripe.Event,
  error: unknown,
  subject: FailedEventSubject,
  now: Date = new Date(),
): Promise<void> {
  const lastError = describeFailure(error);
  try {
    await db.stripeEventFailure.upsert({
      where: { id: event.id },
      create: {
        id: event.id,
        type: event.type,
        customerId: subject.customerId,
        organizationId: subject.organizationId,
        payload: event as unknown as Prisma.InputJsonObject,
        lastError,
        firstFailedAt: now,
        lastFailedAt: now,
      },
      update: {
        lastError,
        lastFailedAt: now,
        attempts: { increment: 1 },
        ...(subject.customerId ? { customerId: subject.customerId } : {}),
        ...(subject.organizationId ? { organizationId: subject.organizationId } : {}),
      },
    });
  } catch (recordError) {
    logger.error(
      { err: recordError },
      `[stripe] ${event.id}: the failure could not be recorded for the console`,
    );
  }
}

// After a success (Stripe's retry, the reconciliation or an operator): no longer listed as failing.
export async function resolveEventFailure(eventId: string, now: Date = new Date()): Promise<void> {
  try {
    await db.stripeEventFailure.updateMany({
      where: { id: eventId, resolvedAt: null },
      data: { resolvedAt: now },
    });
  } catch (error) {
    logger.error({ err: error }, `[stripe] ${eventId}: applied, but not marked resolved`);
  }
}
