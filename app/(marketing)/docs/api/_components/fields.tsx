import { Table } from "@/components/ui/table";
import type { FieldRow } from "@/lib/api/openapi/reference";

export function Fields({ rows, caption }: { rows: FieldRow[]; caption: string }) {
  if (rows.length === 0) return null;
  return (
    <Table columns={["Name", "Type", "Description"]} caption={caption} framed>
      {rows.map((row) => (
        <tr key={row.name} className="align-top">
          <td className="px-4 py-2 font-mono text-xs whitespace-nowrap text-zinc-950 dark:text-white">
            {row.name}
            {row.required ? null : (
              <span className="text-zinc-500 dark:text-zinc-400"> (optional)</span>
            )}
          </td>
          <td className="px-4 py-2 font-mono text-xs text-zinc-700 dark:text-zinc-300">
            {row.type}
          </td>
          <td className="px-4 py-2 text-zinc-600 dark:text-zinc-400">
            <Prose text={row.description ?? ""} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

export function Code({ children, label }: { children: string; label: string }) {
  return (
    <pre
      aria-label={label}
      className="overflow-x-auto rounded-lg bg-zinc-950 p-4 font-mono text-xs leading-5 text-zinc-100"
    >
      <code>{children}</code>
    </pre>
  );
}

/** Text with `code` spans, as the document's descriptions are written. */
export function Prose({ text }: { text: string }) {
  return text.split(/(`[^`]+`)/).map((part, index) =>
    part.startsWith("`") && part.endsWith("`") ? (
      <code key={index} className="font-mono text-[0.9em]">
        {part.slice(1, -1)}
      </code>
    ) : (
      part
    ),
  );
}
