/** The signed-in person as the shell shows them; null or absent means signed out. */
export type ShellUser = {
  name: string | null;
  email: string;
};

/** The letter shown in the avatar: the name's first letter, else the email's. */
export function avatarInitial(user: ShellUser): string {
  const source = user.name?.trim() || user.email;
  return (source.charAt(0) || "?").toUpperCase();
}
