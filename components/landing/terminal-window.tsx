export type TerminalLine =
  | { kind: "command"; text: string }
  | { kind: "result"; label: string; text: string; mark?: "check" | "ready" }
  | { kind: "blank" };

type TerminalWindowProps = {
  title: string;
  lines: readonly TerminalLine[];
};

function Line({ line }: { line: TerminalLine }) {
  switch (line.kind) {
    case "command":
      return (
        <span className="block text-white">
          <span className="text-zinc-400 select-none">$ </span>
          {line.text}
        </span>
      );
    case "result":
      return (
        <span className="block text-zinc-400">
          <span
            className={
              line.mark === "ready" ? "text-brand-300 select-none" : "text-emerald-400 select-none"
            }
          >
            {line.mark === "ready" ? "  ▲ " : "  ✓ "}
          </span>
          <span className="inline-block w-24 text-zinc-200 sm:w-28">{line.label}</span>
          {line.text}
        </span>
      );
    case "blank":
      return <span className="block">&nbsp;</span>;
  }
}

/** A dark terminal frame in both color schemes, as terminals usually are. */
export function TerminalWindow({ title, lines }: TerminalWindowProps) {
  return (
    <figure className="overflow-hidden rounded-2xl bg-zinc-950 shadow-2xl ring-1 shadow-zinc-950/20 ring-zinc-950/10 dark:bg-zinc-900 dark:ring-zinc-800">
      <div className="flex items-center gap-1.5 border-b border-white/10 px-4 py-3">
        <span aria-hidden="true" className="size-3 rounded-full bg-zinc-700" />
        <span aria-hidden="true" className="size-3 rounded-full bg-zinc-700" />
        <span aria-hidden="true" className="size-3 rounded-full bg-zinc-700" />
        <figcaption className="ml-3 font-mono text-xs text-zinc-400">{title}</figcaption>
      </div>
      <pre className="overflow-x-auto p-4 font-mono text-xs leading-6 sm:p-6 sm:text-[13px]">
        <code>
          {lines.map((line, index) => (
            <Line key={index} line={line} />
          ))}
        </code>
      </pre>
    </figure>
  );
}
