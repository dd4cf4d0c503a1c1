import { brand, type Brand } from "@/brand.config";

export type NavigationItem = {
  label: string;
  href: string;
  external?: boolean;
};

export type NavigationGroup = {
  title: string;
  items: readonly NavigationItem[];
};

export const REPOSITORY_URL = brand.social.github;
export const DOCS_URL = `${REPOSITORY_URL}#readme`;

export const authLinks = {
  signIn: "/sign-in",
  signUp: "/sign-up",
  account: "/account",
} as const;

export const legalLinks = {
  terms: "/terms",
  privacy: "/privacy",
} as const;

export const primaryNavigation: readonly NavigationItem[] = [
  { label: "Features", href: "/#features" },
  { label: "Pricing", href: "/pricing" },
  { label: "Docs", href: DOCS_URL, external: true },
];

// Optional in the brand file: a link appears once its address is filled in.
const social: Brand["social"] = brand.social;
const socialLinks: NavigationItem[] = [
  ...(social.x ? [{ label: "X", href: social.x, external: true }] : []),
  ...(social.linkedin ? [{ label: "LinkedIn", href: social.linkedin, external: true }] : []),
];

export const footerNavigation: readonly NavigationGroup[] = [
  {
    title: "Product",
    items: [
      { label: "Features", href: "/#features" },
      { label: "Pricing", href: "/pricing" },
      { label: "Get started", href: authLinks.signUp },
      { label: "Sign in", href: authLinks.signIn },
      { label: "Support", href: `mailto:${brand.supportEmail}`, external: true },
      ...socialLinks,
    ],
  },
  {
    title: "Developers",
    items: [
      { label: "Documentation", href: DOCS_URL, external: true },
      { label: "API reference", href: "/docs/api" },
      { label: "Source on GitHub", href: REPOSITORY_URL, external: true },
      { label: "Issues", href: `${REPOSITORY_URL}/issues`, external: true },
      { label: "MIT License", href: `${REPOSITORY_URL}/blob/main/LICENSE`, external: true },
    ],
  },
  {
    title: "Legal",
    items: [
      { label: "Terms of service", href: legalLinks.terms },
      { label: "Privacy policy", href: legalLinks.privacy },
    ],
  },
];
