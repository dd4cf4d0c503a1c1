import { mediumDate } from "@/lib/format/dates";

export function complimentaryLabel(comp: { plan: { name: string }; endsAt: Date }): string {
  return `Complimentary ${comp.plan.name} until ${mediumDate.format(comp.endsAt)}`;
}
