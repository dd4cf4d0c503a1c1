import "server-only";

import { authenticatedAction, memberAction } from "@/lib/actions/chain";
import { recentAuthentication } from "@/lib/actions/middleware";
import { z } from "zod";
import { createOrganization } from "./create";
import { confirmLogo, prepareLogoUpload, removeLogo } from "./logo";
import {
  createOrganizationSchema,
  deleteOrganizationSchema,
  transferOwnershipSchema,
  updateOrganizationSchema,
} from "./schemas";
import { deleteOrganization, transferOwnership, updateOrganization } from "./settings";

// Deleting and handing over the organization also need a recent sign-in (step-up).

export const createOrganizationAction = authenticatedAction(
  "organization.create",
  createOrganizationSchema,
  (input, ctx) => createOrganization(ctx, input),
);

export const updateOrganizationAction = memberAction(
  "organization.update",
  "org:update",
  updateOrganizationSchema,
  (input, ctx) => updateOrganization(ctx, input),
);

export const deleteOrganizationAction = memberAction(
  "organization.delete",
  "org:delete",
  deleteOrganizationSchema,
  (input, ctx) => deleteOrganization(ctx, input),
  { use: [recentAuthentication()] },
);

export const transferOwnershipAction = memberAction(
  "organization.transfer",
  "org:transfer",
  transferOwnershipSchema,
  (input, ctx) => transferOwnership(ctx, input),
  { use: [recentAuthentication()] },
);

export const prepareLogoAction = memberAction(
  "organization.prepare_logo",
  "org:update",
  z.strictObject({
    fileName: z.string().max(255),
    contentType: z.string().trim().max(100),
    size: z.coerce.number().int().min(0).max(1e9),
  }),
  ({ contentType, size }, ctx) => prepareLogoUpload(ctx, { contentType, size }),
  { readOnly: true },
);

export const confirmLogoAction = memberAction(
  "organization.confirm_logo",
  "org:update",
  z.strictObject({ key: z.string().trim().min(1).max(300), fileName: z.string().max(255) }),
  ({ key }, ctx) => confirmLogo(ctx, key),
);

export const removeLogoAction = memberAction(
  "organization.remove_logo",
  "org:update",
  z.strictObject({}),
  (_input, ctx) => removeLogo(ctx),
);
