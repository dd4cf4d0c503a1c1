import "server-only";

import { z } from "zod";
import { authenticatedAction } from "@/lib/actions/chain";
import { confirmAvatar, prepareAvatarUpload, removeAvatar, updateName } from "./profile";

const nameSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, "Enter your name.")
    .max(100, "Keep your name under 100 characters."),
});

export const updateNameAction = authenticatedAction(
  "account.update_name",
  nameSchema,
  ({ name }, ctx) => updateName(ctx.userId, name),
);

export const prepareAvatarAction = authenticatedAction(
  "account.prepare_avatar",
  z.strictObject({
    fileName: z.string().max(255),
    contentType: z.string().trim().max(100),
    size: z.coerce.number().int().min(0).max(1e9),
  }),
  ({ contentType, size }, ctx) => prepareAvatarUpload(ctx.userId, { contentType, size }),
  { readOnly: true },
);

export const confirmAvatarAction = authenticatedAction(
  "account.confirm_avatar",
  z.strictObject({ key: z.string().trim().min(1).max(300), fileName: z.string().max(255) }),
  ({ key }, ctx) => confirmAvatar(ctx.userId, key),
);

export const removeAvatarAction = authenticatedAction(
  "account.remove_avatar",
  z.strictObject({}),
  (_input, ctx) => removeAvatar(ctx.userId),
);
