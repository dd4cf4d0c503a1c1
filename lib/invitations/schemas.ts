import { z } from "zod";

const role = z.enum(["OWNER", "ADMIN", "MEMBER"], "Choose a role.");

export const inviteSchema = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "That address is too long.")
    .pipe(z.email("Enter an email address like name@example.com.")),
  role: role.default("MEMBER"),
});
export const invitationIdSchema = z.strictObject({
  invitationId: z.string().trim().min(1, "Missing invitation.").max(64),
});
export const acceptByTokenSchema = z.strictObject({
  token: z.string().trim().min(20, "This invitation link is not valid.").max(200),
});

export const INVITATION_LIFETIME_DAYS = 7;
