/** The session cookie: httpOnly, SameSite=Strict, path /, Secure and `__Host-` prefixed over HTTPS. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-zonedeck_session' : 'zonedeck_session';
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name && !cookies.has(name)) {
      try {
        cookies.set(name, decodeURIComponent(value));
      } catch {
        // A malformed escape is not our cookie; ignore it.
      }
    }
  }
  return cookies;
}

export function serializeSessionCookie(secure: boolean, value: string, expiresAt: Date | null): string {
  const parts = [
    `${sessionCookieName(secure)}=${encodeURIComponent(value)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
  ];
  if (secure) parts.push('Secure');
  if (expiresAt) {
    parts.push(`Expires=${expiresAt.toUTCString()}`);
  } else {
    parts.push('Max-Age=0');
  }
  return parts.join('; ');
}
