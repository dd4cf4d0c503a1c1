import { z } from "zod";

const membershipId = z.string().trim().min(1, "Missing member.").max(64);

export const changeRoleSchema = z.strictObject({
  membershipId,
  role: z.enum(["OWNER", "ADMIN", "MEMBER"], "Choose a role."),
});
export const removeMemberSchema = z.strictObject({ membershipId });
export const leaveSchema = z.strictObject({});
