import "server-only";

import { brand } from "@/brand.config";
import { deleteUserAccount } from "@/lib/account/delete-account";
import { collectUserData } from "@/lib/account/export/build";
import { db } from "@/lib/db";
import { ExpectedError, FieldError } from "@/lib/errors";
import { recordStaffAudit } from "../audit";
import type { StaffContext } from "../context";
import { loadTargetUser } from "./target";

type Staff = Pick<StaffContext, "userId" | "client">;

// The same JSON file the user gets from their account page, handed to staff as a download.
export async function exportUser(ctx: Staff, input: { userId: string; reason: string }) {
  const user = await loadTargetUser(ctx.userId, input.userId, "export");
  const data = await collectUserData(user.id);
  await recordStaffAudit(db, ctx, {
    action: "staff.user_exported",
    reason: input.reason,
    targetType: "user",
    targetId: user.id,
  });
  return {
    userId: user.id,
    filename: `${brand.fileSlug}-user-${user.id}.json`,
    content: JSON.stringify(data, null, 2),
  };
}

// The account's own deletion flow, once staff typed the address; the staff entry is written in the
// deleting transaction, so a deletion is never left unrecorded.
export async function deleteUser(
  ctx: Staff,
  input: { userId: string; reason: string; confirmEmail: string },
) {
  const user = await loadTargetUser(ctx.userId, input.userId, "delete");
  if (input.confirmEmail.trim().toLowerCase() !== user.email) {
    throw new FieldError("confirmEmail", `Type ${user.email} to confirm.`);
  }
  const result = await deleteUserAccount(user.id, ctx.client, (tx, organizationsDeleted) =>
    recordStaffAudit(tx, ctx, {
      action: "staff.user_deleted",
      reason: input.reason,
      targetType: "user",
      targetId: user.id,
      metadata: { organizationsDeleted },
    }),
  );
  if (!result.ok) {
    const names = result.blockers.map((b) => `${b.organization.name} (${b.organization.slug})`);
    throw new ExpectedError(
      `${user.email} is the only owner of ${names.join(", ")}, which still ${names.length === 1 ? "has" : "have"} other members. Ownership must be handed over (or the other members removed) before the account can be deleted.`,
      409,
    );
  }
  return { userId: user.id };
}
