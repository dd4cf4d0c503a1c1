type Person = { name: string | null; email: string };

const label = (person: Person) => (person.name ? `${person.name} (${person.email})` : person.email);

// Display text only, in a cookie the page can read, so prerendered pages show the banner
// (components/shell/impersonation-banner.tsx) with no server round trip.
export function bannerText(user: Person, staff: Person): string {
  return JSON.stringify({ viewing: label(user), by: staff.name ?? staff.email });
}
