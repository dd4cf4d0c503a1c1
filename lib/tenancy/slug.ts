export const SLUG_MIN_LENGTH = 3;
export const SLUG_MAX_LENGTH = 48;

// Includes names a phishing page might use on our domain (`login.`, `billing.`).
export const reservedSlugs: ReadonlySet<string> = new Set([
  "about",
  "account",
  "accounts",
  "admin",
  "api",
  "app",
  "assets",
  "auth",
  "billing",
  "blog",
  "cdn",
  "dashboard",
  "dev",
  "docs",
  "email",
  "ftp",
  "help",
  "internal",
  "legal",
  "login",
  "logout",
  "mail",
  "new",
  "org",
  "orgs",
  "preview",
  "pricing",
  "root",
  "security",
  "settings",
  "signin",
  "signout",
  "signup",
  "smtp",
  "staging",
  "static",
  "status",
  "support",
  "system",
  "test",
  "webhooks",
  "www",
]);

export function slugProblem(slug: string): string | null {
  if (slug.length < SLUG_MIN_LENGTH) return `Use at least ${SLUG_MIN_LENGTH} characters.`;
  if (slug.length > SLUG_MAX_LENGTH) return `Use at most ${SLUG_MAX_LENGTH} characters.`;
  if (!/^[a-z0-9-]+$/.test(slug)) return "Use only lowercase letters, digits and hyphens.";
  if (slug.startsWith("-") || slug.endsWith("-")) {
    return "Start and end with a letter or a digit.";
  }
  // Also keeps out `xn--` (punycode) and Vercel's `slug---branch` preview separator.
  if (slug.includes("--")) return "Use single hyphens between words.";
  if (reservedSlugs.has(slug)) return "This address is reserved. Choose another one.";
  return null;
}

// Letters that Unicode does not decompose into an ASCII base letter plus accents.
const foldedLetters: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  ł: "l",
  þ: "th",
  ı: "i",
};

const PADDING = "-org";

export function suggestSlug(name: string): string {
  const folded = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (letter) => foldedLetters[letter] ?? "");
  const trim = (value: string) => value.replace(/^-+|-+$/g, "");
  let slug = trim(folded.replace(/[^a-z0-9]+/g, "-"));
  if (!slug) return "";
  slug = trim(slug.slice(0, SLUG_MAX_LENGTH));
  if (slug.length < SLUG_MIN_LENGTH || reservedSlugs.has(slug)) slug += PADDING;
  return slugProblem(slug) === null ? slug : "";
}
