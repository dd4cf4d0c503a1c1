import { createSession } from "@/lib/auth/session-store";
import type { Database } from "@/lib/db/create-client";

let counter = 0;

/**
 * A staff member with a session on the root host. By default with 2FA on and a sign-in of just
 * now (staff writes need one from the last 10 minutes); `twoFactor: false` and `staleSignIn: true`
 * build the two staff members the console must refuse.
 */
export async function staffWithSession(
  admin: Database,
  label = "staff",
  { twoFactor = true, staleSignIn = false }: { twoFactor?: boolean; staleSignIn?: boolean } = {},
) {
  const email = `${label}-${Date.now().toString(36)}-${++counter}@staff.example.test`;
  const now = new Date();
  const user = await admin.user.create({
    data: {
      email,
      name: label,
      emailVerified: now,
      staffSince: now,
      twoFactorEnabledAt: twoFactor ? now : null,
    },
  });
  const signedIn = staleSignIn ? new Date(now.getTime() - 20 * 60 * 1000) : now;
  const { token, sessionId } = await createSession(admin, { userId: user.id, now: signedIn });
  return { id: user.id, email, token, sessionId };
}
