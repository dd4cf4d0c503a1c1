// One wording wherever a complimentary plan shows: the organization's billing page and the
// operator console.

const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export function complimentaryLabel(comp: { plan: { name: string }; endsAt: Date }): string {
  return `Complimentary ${comp.plan.name} until ${day.format(comp.endsAt)}`;
}
