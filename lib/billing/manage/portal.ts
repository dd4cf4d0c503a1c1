import "server-only";

import type { MemberContext } from "@/lib/tenancy/context";
import { ExpectedError } from "@/lib/errors";
import { stripe } from "../stripe/client";
import { localSubscription } from "../subscription/subscription";
import { billingPage } from "./owner-audit";

export async function openPortal(ctx: MemberContext): Promise<{ url: string }> {
  const current = await localSubscription(ctx.organization.id);
  if (!current?.stripeCustomerId) {
    throw new ExpectedError("Upgrade first: there is no billing account to manage yet.", 409);
  }
  const session = await stripe().billingPortal.sessions.create({
    customer: current.stripeCustomerId,
    return_url: billingPage(ctx.organization.slug),
  });
  return { url: session.url };
}
