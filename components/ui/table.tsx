import type { ReactNode } from "react";

export function Table({
  columns,
  caption,
  framed = false,
  children,
}: {
  columns: readonly string[];
  caption?: string;
  framed?: boolean;
  children: ReactNode;
}) {
  const cell = framed ? "px-4 py-2 font-medium" : "py-2 font-medium";
  const table = (
    <table className="w-full text-left text-sm">
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <thead
        className={
          framed
            ? "bg-zinc-50 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400"
            : "border-b border-zinc-200 text-zinc-600 dark:border-zinc-800 dark:text-zinc-400"
        }
      >
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col" className={cell}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">{children}</tbody>
    </table>
  );
  if (!framed) return table;
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
      {table}
    </div>
  );
}
