import "server-only";

import { authenticatedAction, memberAction } from "@/lib/actions/chain";
import { deliverOutboxAfterResponse } from "@/lib/outbox/after-response";
import { acceptInvitationById, acceptInvitationByToken } from "./accept";
import { inviteMember, listPendingInvitations, resendInvitation, revokeInvitation } from "./manage";
import { acceptByTokenSchema, invitationIdSchema, inviteSchema } from "./schemas";
import { z } from "zod";

/** The invitation operations, checked and parsed; forms and tests call these. */

export const listInvitationsAction = memberAction(
  "invitation.list",
  "members:invite",
  z.strictObject({}),
  (_input, ctx) => listPendingInvitations(ctx.organization.id),
);

export const inviteMemberAction = memberAction(
  "invitation.create",
  "members:invite",
  inviteSchema,
  async (input, ctx) => {
    const result = await inviteMember(ctx, input);
    deliverOutboxAfterResponse(result.emailIds);
    return { invitationId: result.invitationId };
  },
);

export const resendInvitationAction = memberAction(
  "invitation.resend",
  "members:invite",
  invitationIdSchema,
  async ({ invitationId }, ctx) => {
    const result = await resendInvitation(ctx, invitationId);
    deliverOutboxAfterResponse(result.emailIds);
    return { invitationId };
  },
);

export const revokeInvitationAction = memberAction(
  "invitation.revoke",
  "members:invite",
  invitationIdSchema,
  ({ invitationId }, ctx) => revokeInvitation(ctx, invitationId),
);

/** Root host: the organization comes from the invitation, which must be addressed to the user. */
export const acceptInvitationAction = authenticatedAction(
  "invitation.accept",
  acceptByTokenSchema,
  async ({ token }, ctx) => {
    const accepted = await acceptInvitationByToken(ctx.session, token, ctx.client);
    // The seat sync it queued runs after the response.
    deliverOutboxAfterResponse();
    return accepted;
  },
);

export const acceptInvitationByIdAction = authenticatedAction(
  "invitation.accept_by_id",
  invitationIdSchema,
  async ({ invitationId }, ctx) => {
    const accepted = await acceptInvitationById(ctx.session, invitationId, ctx.client);
    deliverOutboxAfterResponse();
    return accepted;
  },
);
