type Person = { name: string | null; email: string };

const label = (person: Person) => (person.name ? `${person.name} (${person.email})` : person.email);

/**
 * What the banner on every page shows (components/shell/impersonation-banner.tsx): display text
 * only, in a cookie the page can read, so prerendered pages need no server round trip.
 */
export function bannerText(user: Person, staff: Person): string {
  return JSON.stringify({ viewing: label(user), by: staff.name ?? staff.email });
}
