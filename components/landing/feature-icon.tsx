export type FeatureIconName =
  "subdomains" | "accounts" | "billing" | "isolation" | "outbox" | "offline";

const paths: Record<FeatureIconName, string[]> = {
  subdomains: [
    "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Z",
    "M3.5 9h17M3.5 15h17",
    "M12 3c2.5 2.4 3.75 5.4 3.75 9S14.5 18.6 12 21c-2.5-2.4-3.75-5.4-3.75-9S9.5 5.4 12 3Z",
  ],
  accounts: [
    "M12 3 5 5.75v5.5c0 4.3 2.9 8.1 7 9.75 4.1-1.65 7-5.45 7-9.75v-5.5L12 3Z",
    "m9 12 2.2 2.2L15.5 10",
  ],
  billing: [
    "M3.5 7.5A2.5 2.5 0 0 1 6 5h12a2.5 2.5 0 0 1 2.5 2.5v9A2.5 2.5 0 0 1 18 19H6a2.5 2.5 0 0 1-2.5-2.5v-9Z",
    "M3.5 10h17",
    "M7 15h3",
  ],
  isolation: [
    "M4 5.5A1.5 1.5 0 0 1 5.5 4h4A1.5 1.5 0 0 1 11 5.5v4A1.5 1.5 0 0 1 9.5 11h-4A1.5 1.5 0 0 1 4 9.5v-4Z",
    "M13 5.5A1.5 1.5 0 0 1 14.5 4h4A1.5 1.5 0 0 1 20 5.5v4a1.5 1.5 0 0 1-1.5 1.5h-4A1.5 1.5 0 0 1 13 9.5v-4Z",
    "M4 14.5A1.5 1.5 0 0 1 5.5 13h4a1.5 1.5 0 0 1 1.5 1.5v4A1.5 1.5 0 0 1 9.5 20h-4A1.5 1.5 0 0 1 4 18.5v-4Z",
    "M13 14.5a1.5 1.5 0 0 1 1.5-1.5h4a1.5 1.5 0 0 1 1.5 1.5v4a1.5 1.5 0 0 1-1.5 1.5h-4a1.5 1.5 0 0 1-1.5-1.5v-4Z",
  ],
  outbox: [
    "M3.5 13.5 6 5.5A1.5 1.5 0 0 1 7.4 4.5h9.2A1.5 1.5 0 0 1 18 5.5l2.5 8v4a2 2 0 0 1-2 2h-13a2 2 0 0 1-2-2v-4Z",
    "M3.5 13.5H8l1.25 2h5.5l1.25-2h4.5",
    "M12 7.5v4.5m-2-2 2 2 2-2",
  ],
  offline: [
    "M4 6.5C4 5.1 7.6 4 12 4s8 1.1 8 2.5S16.4 9 12 9 4 7.9 4 6.5Z",
    "M4 6.5v5.5C4 13.4 7.6 14.5 12 14.5s8-1.1 8-2.5V6.5",
    "M4 12v5.5C4 18.9 7.6 20 12 20s8-1.1 8-2.5V12",
  ],
};

type FeatureIconProps = {
  name: FeatureIconName;
  className?: string;
};

export function FeatureIcon({ name, className }: FeatureIconProps) {
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      className={`fill-none stroke-current stroke-[1.5] ${className ?? ""}`}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {paths[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
