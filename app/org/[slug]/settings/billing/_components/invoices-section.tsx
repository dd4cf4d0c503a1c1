import { Muted, Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import type { InvoiceSummary } from "@/lib/billing/subscription/overview";
import { formatAmount } from "@/lib/billing/plans/plans";
import { billingDate as date } from "./format";

/** The newest invoices, or why there are none to show. */
export function InvoicesSection({ invoices }: { invoices: InvoiceSummary[] | null }) {
  return (
    <Section id="invoices" title="Recent invoices">
      {invoices === null ? (
        <Muted>Invoices could not be loaded from Stripe right now. Try again in a minute.</Muted>
      ) : invoices.length === 0 ? (
        <Muted>No invoices yet.</Muted>
      ) : (
        <Table columns={["Date", "Number", "Amount", "Status"]} caption="Recent invoices">
          {invoices.map((invoice) => (
            <tr key={invoice.id}>
              <td className="py-2">{date.format(invoice.date)}</td>
              <td className="py-2">
                {invoice.url ? (
                  <a href={invoice.url} className="underline underline-offset-2">
                    {invoice.number ?? invoice.id}
                  </a>
                ) : (
                  (invoice.number ?? invoice.id)
                )}
              </td>
              <td className="py-2 tabular-nums">
                {formatAmount(invoice.amount, invoice.currency)}
              </td>
              <td className="py-2 capitalize">{invoice.status}</td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
