import Link from "next/link";
import { brand } from "@/brand.config";
import { LogoMark } from "./logo-mark";

type WordmarkProps = {
  className?: string;
  /** Where it leads; another host's address (the root app, seen from an organization) works too. */
  href?: string;
};

export function Wordmark({ className, href = "/" }: WordmarkProps) {
  return (
    <Link
      href={href}
      className={`inline-flex items-center gap-2.5 rounded-md text-lg font-semibold tracking-tight text-zinc-950 dark:text-white ${className ?? ""}`}
    >
      <LogoMark className="size-7" />
      <span>{brand.name}</span>
    </Link>
  );
}
