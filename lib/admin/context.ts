import type { ActiveSession } from "@/lib/auth/session-store";
import type { PublicContext } from "@/lib/tenancy/context";

export type StaffMember = { id: string; email: string; name: string | null };

// Built only by lib/admin/access.ts after the staff, host and two-factor checks.
export type StaffContext = PublicContext & {
  session: ActiveSession;
  userId: string;
  staff: StaffMember;
};
