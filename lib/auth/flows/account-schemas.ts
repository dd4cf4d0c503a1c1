import { z } from "zod";
import { emailField, newPasswordField } from "./schemas";

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, "Enter your current password.").max(256),
  newPassword: newPasswordField,
});

export const changeEmailSchema = z.strictObject({
  newEmail: emailField,
  // Empty for accounts without a password (link or OAuth sign-in).
  currentPassword: z.string().max(256),
});

export const sessionIdSchema = z.strictObject({ sessionId: z.string().min(1).max(64) });

export const codeSchema = z.strictObject({
  code: z.string().trim().min(6, "Enter the 6-digit code from your app.").max(20),
});

export const deleteAccountSchema = z.strictObject({
  confirmation: z.literal("delete my account", { error: 'Type "delete my account" to confirm.' }),
});

export const reauthenticateSchema = z
  .strictObject({
    password: z.string().max(256),
    code: z.string().trim().max(20),
  })
  .transform(({ password, code }) => (code ? { code } : { password }))
  .refine((value) => ("code" in value ? true : value.password.length > 0), {
    message: "Enter your password.",
    path: ["password"],
  });
