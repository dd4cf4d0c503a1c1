import "server-only";

import { sendPasswordReset } from "@/lib/auth/flows/password-reset";
import { resendVerification } from "@/lib/auth/flows/verify-email";
import { db } from "@/lib/db";
import { ExpectedError } from "@/lib/errors";
import { rateLimitError } from "@/lib/rate-limit/response";
import { recordStaffAudit } from "../audit";
import type { StaffContext } from "../context";
import { accountDisabledRefusal, loadTargetUser } from "./target";

type Staff = Pick<StaffContext, "userId" | "client">;
type Request = { userId: string; reason: string };

// The user's own "resend" flow, with its per-user limit: staff cannot flood a mailbox either.
export async function resendUserVerification(ctx: Staff, { userId, reason }: Request) {
  const user = await loadTargetUser(ctx.userId, userId, "email");
  if (user.disabledAt) throw accountDisabledRefusal();
  if (user.emailVerified) {
    throw new ExpectedError(`${user.email} is already verified; no email was sent.`, 409);
  }
  const result = await resendVerification(user.id, ctx.client);
  if (!result.ok) {
    if (result.reason === "limited") throw rateLimitError(result.limit);
    throw new ExpectedError(`${user.email} is already verified; no email was sent.`, 409);
  }
  await recordStaffAudit(db, ctx, {
    action: "staff.verification_resent",
    reason,
    targetType: "user",
    targetId: user.id,
  });
  return { userId: user.id, email: user.email };
}

// The "forgot password" email itself: the link goes to the user's mailbox, never to staff.
export async function sendUserPasswordReset(ctx: Staff, { userId, reason }: Request) {
  const user = await loadTargetUser(ctx.userId, userId, "email");
  if (user.disabledAt) throw accountDisabledRefusal();
  await sendPasswordReset(user.email, ctx.client);
  await recordStaffAudit(db, ctx, {
    action: "staff.password_reset_sent",
    reason,
    targetType: "user",
    targetId: user.id,
  });
  return { userId: user.id, email: user.email };
}
