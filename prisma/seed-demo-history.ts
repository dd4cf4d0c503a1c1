import type { Prisma } from "@/lib/generated/prisma/client";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import type { Database } from "@/lib/db/create-client";
import { plans } from "@/lib/billing/plans/plans";
import { addMonths, monthStart } from "@/lib/metrics/months";

/**
 * `npm run db:seed -- --demo-history`: about 500 organizations with 24 months of billing history
 * (sign-ups growing month over month, trials that convert or lapse, monthly and yearly plans,
 * seat changes, upgrades, downgrades, churn, returns, a few comps, monthly spend) so the operator
 * console has something to show locally. Deterministic (seeded) with fixed ids; organizations
 * already present are skipped, so running it again adds nothing.
 */

const DAY = 86_400_000;

export type DemoHistoryOptions = {
  organizations: number;
  months: number;
  now: Date;
  seed?: number;
  idPrefix?: string;
};

export type DemoHistory = {
  organizations: { id: string; slug: string; name: string; createdAt: Date }[];
  events: Prisma.BillingEventCreateManyInput[];
  spend: { month: Date; amount: number }[];
};

function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
  };
}

type Paid = { plan: "pro" | "business"; interval: "month" | "year"; seats: number };

/** The history itself, without a database: the seed and the metrics benchmark share it. */
export function demoHistory({
  organizations,
  months,
  now,
  seed = 42,
  idPrefix = "demo",
}: DemoHistoryOptions): DemoHistory {
  const rng = random(seed);
  const first = addMonths(monthStart(now), -months);
  const span = now.getTime() - first.getTime();
  const history: DemoHistory = { organizations: [], events: [], spend: [] };

  for (let i = 0; i < organizations; i++) {
    const id = `${idPrefix}_org_${String(i).padStart(5, "0")}`;
    // Sign-ups grow over time: later months get more of them.
    const createdAt = new Date(first.getTime() + Math.sqrt(rng.next()) * span * 0.97);
    history.organizations.push({ id, slug: id.replaceAll("_", "-"), name: `Demo ${i}`, createdAt });
    let at = new Date(createdAt.getTime() + rng.int(0, 3) * DAY);
    const push = (status: SubscriptionStatus, paid: Paid, type: string) => {
      if (at >= now) return false;
      const price = plans[paid.plan].prices![paid.interval].amount;
      history.events.push({
        organizationId: id,
        type,
        toStatus: status,
        plan: status === "CANCELED" ? "free" : paid.plan,
        seats: paid.seats,
        interval: paid.interval,
        unitAmount: price,
        complimentary: false,
        data: {},
        occurredAt: at,
      });
      return true;
    };
    const later = (minDays: number, maxDays: number) => {
      at = new Date(at.getTime() + rng.int(minDays, maxDays) * DAY + rng.int(0, 23) * 3_600_000);
    };

    if (rng.chance(0.2)) continue; // stays on Free: no billing history at all
    const paid: Paid = {
      plan: rng.chance(0.75) ? "pro" : "business",
      interval: rng.chance(0.2) ? "year" : "month",
      seats: Math.max(1, Math.round(Math.exp(rng.next() * 2.3))),
    };
    if (rng.chance(0.7)) {
      push("TRIALING", paid, "subscription.created");
      later(14, 14);
      if (!rng.chance(0.55)) {
        push("CANCELED", paid, "subscription.canceled");
        continue;
      }
    }
    if (!push("ACTIVE", paid, "subscription.status_changed")) continue;
    let active = true;
    while (at < now) {
      later(20, 40);
      if (active) {
        const churn = paid.interval === "year" ? 0.012 : 0.035;
        if (rng.chance(churn)) {
          if (rng.chance(0.3)) {
            push("PAST_DUE", paid, "subscription.status_changed");
            later(7, 21);
          }
          push("CANCELED", paid, "subscription.canceled");
          active = false;
        } else if (rng.chance(0.12)) {
          paid.seats = Math.max(1, paid.seats + (rng.chance(0.7) ? rng.int(1, 3) : -rng.int(1, 2)));
          push("ACTIVE", paid, "subscription.seats_changed");
        } else if (rng.chance(0.025)) {
          paid.plan = paid.plan === "pro" ? "business" : "pro";
          push("ACTIVE", paid, "subscription.plan_changed");
        }
      } else if (rng.chance(0.04)) {
        active = push("ACTIVE", paid, "subscription.created");
      }
    }
  }

  // A few comps: some run out on their own, some end early.
  for (let i = 0; i < Math.max(1, Math.floor(organizations / 80)); i++) {
    const org = history.organizations[rng.int(0, organizations - 1)]!;
    const grantedAt = new Date(
      Math.max(org.createdAt.getTime(), now.getTime() - rng.int(20, 400) * DAY),
    );
    const endsAt = new Date(grantedAt.getTime() + rng.int(30, 120) * DAY);
    const comp = {
      organizationId: org.id,
      plan: "business",
      seats: 5,
      interval: null,
      unitAmount: 0,
      complimentary: true,
    };
    history.events.push({
      ...comp,
      type: "comp.granted",
      data: { endsAt: endsAt.toISOString() },
      occurredAt: grantedAt,
    });
    const endedAt = new Date(grantedAt.getTime() + rng.int(10, 60) * DAY);
    if (rng.chance(0.3) && endedAt < endsAt && endedAt < now) {
      history.events.push({ ...comp, type: "comp.ended", data: {}, occurredAt: endedAt });
    }
  }

  for (let m = 0; m < months; m++) {
    history.spend.push({
      month: addMonths(first, m),
      amount: Math.round((1500 + m * 250) * (0.8 + rng.next() * 0.4)) * 100,
    });
  }
  return history;
}

export async function seedDemoHistory(
  db: Database,
  now: Date = new Date(),
): Promise<{ added: number }> {
  const history = demoHistory({ organizations: 500, months: 24, now });
  const existing = new Set(
    (
      await db.organization.findMany({
        where: { id: { startsWith: "demo_org_" } },
        select: { id: true },
      })
    ).map((o) => o.id),
  );
  const eventsByOrg = new Map<string, Prisma.BillingEventCreateManyInput[]>();
  for (const event of history.events) {
    eventsByOrg.set(event.organizationId, [
      ...(eventsByOrg.get(event.organizationId) ?? []),
      event,
    ]);
  }
  const fresh = history.organizations.filter((organization) => !existing.has(organization.id));
  const subscriptions = fresh.map((organization) => {
    const last = (eventsByOrg.get(organization.id) ?? []).filter((e) => !e.complimentary).at(-1);
    return {
      organizationId: organization.id,
      status: last?.toStatus ?? "FREE",
      plan: last?.plan ?? "free",
      seats: last?.seats ?? 1,
    };
  });
  const [role] = await db.$queryRaw<{ bypass: boolean }[]>`
    SELECT rolsuper OR rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user`;
  if (role?.bypass) {
    // Bulk inserts: seconds for the whole history.
    await db.$transaction(async (tx) => {
      await tx.organization.createMany({ data: fresh });
      await tx.subscription.createMany({ data: subscriptions });
      const events = fresh.flatMap((organization) => eventsByOrg.get(organization.id) ?? []);
      for (let i = 0; i < events.length; i += 5_000) {
        await tx.billingEvent.createMany({ data: events.slice(i, i + 5_000) });
      }
    });
  } else {
    // A login role under row-level security writes each organization's rows in its own scope.
    for (const [index, organization] of fresh.entries()) {
      await db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('app.org_id', ${organization.id}, true)`;
        await tx.organization.create({ data: organization });
        await tx.subscription.create({ data: subscriptions[index]! });
        await tx.billingEvent.createMany({ data: eventsByOrg.get(organization.id) ?? [] });
      });
    }
  }
  const added = fresh.length;
  for (const { month, amount } of history.spend) {
    await db.marketingSpend.upsert({ where: { month }, create: { month, amount }, update: {} });
  }
  return { added };
}
