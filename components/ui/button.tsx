import Link from "next/link";
import type { ComponentPropsWithoutRef, ReactNode } from "react";
import { needsDocumentLoad } from "@/lib/http/per-request-variants";

export type ButtonVariant = "primary" | "secondary" | "ghost";
export type ButtonSize = "sm" | "md" | "lg";

type StyleProps = {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
};

type LinkButtonProps = StyleProps &
  Omit<ComponentPropsWithoutRef<"a">, "className" | "href" | "children"> & {
    href: string;
    children: ReactNode;
    /**
     * Load the page from the server instead of the client router. Implied for a prerendered
     * page whose per-request variant the query selects (lib/http/per-request-variants.ts).
     */
    fullLoad?: boolean;
  };

type NativeButtonProps = StyleProps &
  Omit<ComponentPropsWithoutRef<"button">, "className" | "children"> & {
    href?: undefined;
    children: ReactNode;
  };

export type ButtonProps = LinkButtonProps | NativeButtonProps;

const baseClasses =
  "inline-flex shrink-0 items-center justify-center gap-2 rounded-lg font-medium whitespace-nowrap transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:pointer-events-none disabled:opacity-50 dark:focus-visible:outline-brand-300";

const variantClasses: Record<ButtonVariant, string> = {
  primary:
    "bg-brand-600 text-white shadow-sm hover:bg-brand-700 dark:bg-brand-300 dark:text-brand-950 dark:hover:bg-brand-200",
  secondary:
    "border border-zinc-300 bg-white text-zinc-900 shadow-xs hover:border-zinc-400 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:border-zinc-600 dark:hover:bg-zinc-800",
  ghost:
    "text-zinc-700 hover:bg-zinc-100 hover:text-zinc-950 dark:text-zinc-300 dark:hover:bg-zinc-800/80 dark:hover:text-white",
};

const sizeClasses: Record<ButtonSize, string> = {
  sm: "h-8 px-3 text-sm",
  md: "h-10 px-4 text-sm",
  lg: "h-12 px-5 text-base",
};

export function buttonClassName({ variant = "primary", size = "md", className }: StyleProps = {}) {
  return [baseClasses, variantClasses[variant], sizeClasses[size], className]
    .filter(Boolean)
    .join(" ");
}

function isExternal(href: string) {
  return /^(https?:)?\/\//.test(href) || href.startsWith("mailto:");
}

export function Button(props: ButtonProps) {
  if (props.href !== undefined) {
    const { variant, size, className, href, children, fullLoad, ...anchorProps } = props;
    const classes = buttonClassName({ variant, size, className });
    if (fullLoad || isExternal(href) || needsDocumentLoad(href)) {
      return (
        <a href={href} className={classes} {...anchorProps}>
          {children}
        </a>
      );
    }
    return (
      <Link href={href} className={classes} {...anchorProps}>
        {children}
      </Link>
    );
  }

  const { variant, size, className, children, type = "button", ...buttonProps } = props;
  return (
    <button type={type} className={buttonClassName({ variant, size, className })} {...buttonProps}>
      {children}
    </button>
  );
}
