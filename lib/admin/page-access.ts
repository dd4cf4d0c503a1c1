import "server-only";

import { notFound, redirect } from "next/navigation";
import { staffGate } from "./access";
import type { StaffMember } from "./context";

// Every /admin page calls this itself: a layout alone is not re-run on every navigation.
export async function requireStaffPage(): Promise<StaffMember> {
  const gate = await staffGate();
  if (gate.kind === "none") notFound();
  if (gate.kind === "needs-two-factor") redirect("/admin/two-factor-required");
  return gate.staff;
}
