// Enough to recognise a recipient when a customer asks, not enough to harvest addresses.
export function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 1) return "•••";
  return `${address.slice(0, 1)}•••@${address.slice(at + 1)}`;
}

const emailPattern = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[A-Za-z]{2,}/g;

/** Masks every address quoted in a text, such as a provider's error message. */
export function maskEmailsIn(text: string): string {
  return text.replace(emailPattern, (address) => maskEmail(address));
}
