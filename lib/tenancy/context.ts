import type { ActiveSession } from "@/lib/auth/session-store";
import type { Role } from "@/lib/generated/prisma/enums";
import type { ClientInfo } from "@/lib/http/client-info";

export type PublicContext = { client: ClientInfo };
export type AuthenticatedContext = PublicContext & { session: ActiveSession; userId: string };
// From the caller's verified membership, never from the input.
export type MemberContext = AuthenticatedContext & {
  organization: { id: string; slug: string; name: string };
  role: Role;
};
