import "server-only";

import { db } from "@/lib/db";
import { ExpectedError, notFound } from "@/lib/errors";

export type TargetUser = {
  id: string;
  email: string;
  emailVerified: Date | null;
  disabledAt: Date | null;
};

// Never the staff member's own account nor another staff account: staff is managed only with
// `npm run staff`, so a console session (or a stolen one) cannot lock out those who run it.
export async function loadTargetUser(
  staffId: string,
  userId: string,
  verb: string,
): Promise<TargetUser> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, emailVerified: true, disabledAt: true, staffSince: true },
  });
  if (!user) throw notFound("That user");
  const revoke = `npm run staff -- revoke ${user.email}`;
  if (user.id === staffId) {
    throw new ExpectedError(
      `You cannot ${verb} your own account from the operator console. Revoke your staff role with \`${revoke}\` first.`,
      403,
    );
  }
  if (user.staffSince) {
    throw new ExpectedError(
      `${user.email} is staff, and the console does not ${verb} staff accounts. Revoke their staff role with \`${revoke}\` first.`,
      403,
    );
  }
  return {
    id: user.id,
    email: user.email,
    emailVerified: user.emailVerified,
    disabledAt: user.disabledAt,
  };
}

export const accountDisabledRefusal = () =>
  new ExpectedError("This account is disabled: enable it first, then try again.", 409);
