import Link from "next/link";
import type { NavigationItem } from "./navigation";

type NavLinkProps = {
  item: NavigationItem;
  className?: string;
};

export function NavLink({ item, className }: NavLinkProps) {
  if (item.external) {
    return (
      <a href={item.href} className={className}>
        {item.label}
      </a>
    );
  }
  return (
    <Link href={item.href} className={className}>
      {item.label}
    </Link>
  );
}
