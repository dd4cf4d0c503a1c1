import { mediumDate } from "@/lib/format/dates";

// One wording wherever a complimentary plan shows: the organization's billing page and the
// operator console.
export function complimentaryLabel(comp: { plan: { name: string }; endsAt: Date }): string {
  return `Complimentary ${comp.plan.name} until ${mediumDate.format(comp.endsAt)}`;
}
