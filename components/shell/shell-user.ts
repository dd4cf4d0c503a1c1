export type ShellUser = {
  name: string | null;
  email: string;
};

export function avatarInitial(user: ShellUser): string {
  const source = user.name?.trim() || user.email;
  return (source.charAt(0) || "?").toUpperCase();
}
