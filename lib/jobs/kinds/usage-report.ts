import "server-only";

import { z } from "zod";
import { stripe } from "@/lib/billing/stripe/client";
import { defineJob } from "../define";

// The identifier makes a retry safe: Stripe counts one meter event per identifier.
export const usageReportJob = defineJob({
  kind: "usage-report",
  payload: z.object({
    organizationId: z.string().min(1),
    stripeCustomerId: z.string().min(1),
    eventName: z.string().min(1),
    value: z.number().int().positive(),
    timestamp: z.number().int().positive(),
    identifier: z.string().min(1).max(100),
  }),
  maxAttempts: 8,
  concurrency: 5,
  handler: async ({ stripeCustomerId, eventName, value, timestamp, identifier }, { timeoutMs }) => {
    await stripe().billing.meterEvents.create(
      {
        event_name: eventName,
        payload: { stripe_customer_id: stripeCustomerId, value: String(value) },
        identifier,
        timestamp,
      },
      { timeout: timeoutMs },
    );
  },
});
