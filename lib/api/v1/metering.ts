// Counts a successful call toward the organization's usage. Synchronous and storage-free on the
// hot path; until metering lands this is where it plugs in.
export function recordApiCall(call: { organizationId: string; apiKeyId: string }): void {
  void call;
}
