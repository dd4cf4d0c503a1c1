import "server-only";

import type Stripe from "stripe";
import { z } from "zod";
import { describeFailure } from "@/lib/billing/events/failures";
import { processStripeEvent, type ProcessOutcome } from "@/lib/billing/events/process";
import { db } from "@/lib/db";
import { ExpectedError, notFound } from "@/lib/errors";
import { recordStaffAudit } from "../audit";
import type { StaffContext } from "../context";

export type FailedStripeEvent = {
  id: string;
  type: string;
  customerId: string | null;
  organization: { id: string; name: string; slug: string } | null;
  attempts: number;
  lastError: string;
  firstFailedAt: Date;
  lastFailedAt: Date;
};

export type StripeRetryResult =
  | { resolved: true; outcome: ProcessOutcome["outcome"] }
  | { resolved: false; error: string; attempts: number };

type EventInput = { eventId: string; reason: string };

// The operator waits on the page: one short attempt at Stripe, no SDK retry.
const CONSOLE_STRIPE_REQUEST = { timeout: 8_000, maxNetworkRetries: 0 } as const;

const open = (id?: string) => ({ ...(id ? { id } : {}), resolvedAt: null, discardedAt: null });

export async function listFailedStripeEvents(limit = 100): Promise<FailedStripeEvent[]> {
  const rows = await db.stripeEventFailure.findMany({
    where: open(),
    orderBy: { lastFailedAt: "desc" },
    take: limit,
    select: {
      id: true,
      type: true,
      customerId: true,
      organizationId: true,
      attempts: true,
      lastError: true,
      firstFailedAt: true,
      lastFailedAt: true,
    },
  });
  const ids = [...new Set(rows.flatMap((row) => (row.organizationId ? [row.organizationId] : [])))];
  const organizations = new Map(
    (
      await db.organization.findMany({
        where: { id: { in: ids } },
        select: { id: true, name: true, slug: true },
      })
    ).map((org) => [org.id, org]),
  );
  return rows.map(({ organizationId, ...row }) => ({
    ...row,
    organization: organizationId ? (organizations.get(organizationId) ?? null) : null,
  }));
}

export async function countFailedStripeEvents(): Promise<number> {
  return db.stripeEventFailure.count({ where: open() });
}

// Only the fields processing reads are checked; the payload was verified when it arrived.
const storedEventSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  created: z.number(),
  data: z.looseObject({ object: z.looseObject({}) }),
});

function storedEvent(id: string, payload: unknown): Stripe.Event {
  const parsed = storedEventSchema.safeParse(payload);
  if (!parsed.success || parsed.data.id !== id) {
    throw new ExpectedError("The stored event cannot be read. Discard it instead.", 409);
  }
  return parsed.data as unknown as Stripe.Event;
}

// Success resolves the failure and records the event as "retried"; another failure counts as an
// attempt (by the processing itself) and its redacted error goes back to the operator.
export async function retryFailedStripeEvent(
  ctx: StaffContext,
  input: EventInput,
): Promise<StripeRetryResult> {
  const failure = await db.stripeEventFailure.findFirst({
    where: open(input.eventId),
    select: { id: true, type: true, organizationId: true, payload: true },
  });
  if (!failure) throw notFound("That failed event");
  const event = storedEvent(failure.id, failure.payload);

  let result: StripeRetryResult;
  try {
    const processed = await processStripeEvent(event, {
      via: "console",
      stripeRequest: CONSOLE_STRIPE_REQUEST,
    });
    result = { resolved: true, outcome: processed.outcome };
  } catch (error) {
    const row = await db.stripeEventFailure.findUnique({
      where: { id: failure.id },
      select: { lastError: true, attempts: true },
    });
    result = {
      resolved: false,
      error: row?.lastError ?? describeFailure(error),
      attempts: row?.attempts ?? 0,
    };
  }
  await recordStaffAudit(db, ctx, {
    action: "staff.stripe_event_retried",
    reason: input.reason,
    targetType: "stripe_event",
    targetId: failure.id,
    metadata: {
      type: failure.type,
      organizationId: failure.organizationId,
      result: result.resolved ? result.outcome : "failed",
    },
  });
  return result;
}

/** Stops listing a failure the operator decided not to apply; the row and the audit entry stay. */
export async function discardFailedStripeEvent(
  ctx: StaffContext,
  input: EventInput,
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const failure = await tx.stripeEventFailure.findFirst({
      where: open(input.eventId),
      select: { id: true, type: true, organizationId: true, attempts: true },
    });
    if (!failure) throw notFound("That failed event");
    const { count } = await tx.stripeEventFailure.updateMany({
      where: open(failure.id),
      data: { discardedAt: new Date(), discardedById: ctx.userId },
    });
    if (count === 0) throw notFound("That failed event");
    await recordStaffAudit(tx, ctx, {
      action: "staff.stripe_event_discarded",
      reason: input.reason,
      targetType: "stripe_event",
      targetId: failure.id,
      metadata: {
        type: failure.type,
        organizationId: failure.organizationId,
        attempts: failure.attempts,
      },
    });
    return { id: failure.id };
  });
}
