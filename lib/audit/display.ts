type FilterFields = { actor?: string; action?: string; from?: string; to?: string };

export function describeAuditAction(action: string): string {
  const words = action.replace(/[._]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function auditFilterQuery(filter: FilterFields, page = 1): string {
  const params = new URLSearchParams();
  for (const key of ["actor", "action", "from", "to"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set("page", String(page));
  return params.toString();
}

export function hasAuditFilter(filter: FilterFields): boolean {
  return Boolean(filter.actor || filter.action || filter.from || filter.to);
}
