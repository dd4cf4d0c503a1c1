/**
 * The request the mocked `next/headers` answers with: the isolation suites set the Host,
 * the session cookie and whatever forged headers a case sends before each call.
 */
export const fakeRequest = {
  headers: new Headers(),
  cookie: undefined as string | undefined,
};
