import "server-only";

import { z } from "zod";
import { staffAction } from "@/lib/actions/chain";
import { withReason } from "@/lib/admin/reason";
import { disableUser, enableUser, revokeUserSessions } from "@/lib/admin/users/account-state";
import { resendUserVerification, sendUserPasswordReset } from "@/lib/admin/users/emails";
import { deleteUser, exportUser } from "@/lib/admin/users/removal";

// Each needs staff, 2FA, a recent sign-in and a reason (lib/actions/chain.ts), audited with both.

const userId = z.string({ error: "Choose a user." }).trim().min(1, "Choose a user.").max(100);
const userSchema = withReason({ userId });

export const disableUserAction = staffAction("admin.users.disable", userSchema, (input, ctx) =>
  disableUser(ctx, input),
);

export const enableUserAction = staffAction("admin.users.enable", userSchema, (input, ctx) =>
  enableUser(ctx, input),
);

export const revokeUserSessionsAction = staffAction(
  "admin.users.revoke_sessions",
  userSchema,
  (input, ctx) => revokeUserSessions(ctx, input),
);

export const resendUserVerificationAction = staffAction(
  "admin.users.resend_verification",
  userSchema,
  (input, ctx) => resendUserVerification(ctx, input),
);

export const sendUserPasswordResetAction = staffAction(
  "admin.users.send_password_reset",
  userSchema,
  (input, ctx) => sendUserPasswordReset(ctx, input),
);

export const exportUserAction = staffAction("admin.users.export", userSchema, (input, ctx) =>
  exportUser(ctx, input),
);

export const deleteUserAction = staffAction(
  "admin.users.delete",
  withReason({
    userId,
    confirmEmail: z.string({ error: "Type the user's email address to confirm." }).max(320),
  }),
  (input, ctx) => deleteUser(ctx, input),
);
