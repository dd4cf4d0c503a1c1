import "server-only";

/**
 * Ends an organization's paid subscription before the organization is deleted. Keel's
 * organizations have no payment provider yet, so there is nothing to cancel and this
 * returns at once; billing (Stripe) plugs its cancellation in here, and because deletion
 * awaits it first, a failed cancellation will stop the deletion.
 */
export async function cancelBillingForOrganization(_organizationId: string): Promise<void> {}
