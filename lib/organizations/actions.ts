import "server-only";

import { authenticatedAction, memberAction } from "@/lib/actions/chain";
import { recentAuthentication } from "@/lib/actions/middleware";
import { createOrganization } from "./create";
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
