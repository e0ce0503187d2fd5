/** Argument names whose values never reach the audit log. */
const SECRET = /pass(word)?|secret|token|private|key$|keys$|user-script|credential|^code$|otp/i;

/** A copy of `value` with every secret-looking property replaced by "[redacted]", at any depth. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET.test(k) ? '[redacted]' : redactSecrets(v)]),
    );
  }
  return value;
}
