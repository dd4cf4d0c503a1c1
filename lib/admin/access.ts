import "server-only";

import { headers } from "next/headers";
import { cache } from "react";
import { getCurrentSession } from "@/lib/auth/current-session";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ExpectedError, notFound } from "@/lib/errors";
import { parseTenantHost } from "@/lib/tenancy/host";
import type { StaffContext, StaffMember } from "./context";

export type StaffGate =
  | { kind: "none" }
  | { kind: "needs-two-factor"; staff: StaffMember }
  | { kind: "staff"; staff: StaffMember; sessionId: string };

export async function findStaff(userId: string): Promise<StaffMember | null> {
  return db.user.findFirst({
    where: { id: userId, staffSince: { not: null }, disabledAt: null },
    select: { id: true, email: true, name: true },
  });
}

// Checked on every page and action, never in the proxy: the console is on the root host only,
// for a signed-in staff member in their own session (an impersonation session is the customer's).
export const staffGate = cache(async (): Promise<StaffGate> => {
  const host = parseTenantHost((await headers()).get("host"), env.rootDomain);
  if (host.kind !== "root") return { kind: "none" };
  const session = await getCurrentSession();
  if (!session?.user.id || session.impersonatorId) return { kind: "none" };
  const staff = await findStaff(session.user.id);
  if (!staff) return { kind: "none" };
  if (!session.user.twoFactorEnabled) return { kind: "needs-two-factor", staff };
  return { kind: "staff", staff, sessionId: session.sessionId };
});

export class StaffTwoFactorRequiredError extends ExpectedError {
  constructor() {
    super("Turn on two-factor authentication to use the operator console.", 403);
    this.name = "StaffTwoFactorRequiredError";
  }
}

// For actions and routes: anyone but staff learns only that nothing is here.
export async function staffContext(): Promise<Omit<StaffContext, "client">> {
  const gate = await staffGate();
  if (gate.kind === "none") throw notFound("That page");
  if (gate.kind === "needs-two-factor") throw new StaffTwoFactorRequiredError();
  const session = await getCurrentSession();
  if (!session) throw notFound("That page");
  return { session, userId: gate.staff.id, staff: gate.staff };
}
