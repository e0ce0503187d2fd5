import { describe, expect, it } from 'vitest';

import { redactSecrets } from './redact.js';

describe('redactSecrets', () => {
  it('hides passwords, keys and user-scripts at any depth and keeps the rest', () => {
    expect(
      redactSecrets({
        uuid: 'u',
        password: 'hunter2',
        customer_metadata: {
          root_authorized_keys: 'ssh-ed25519 AAA',
          'user-script': 'curl x | sh',
          motd: 'hi',
        },
        nics: [{ ip: '10.0.0.2', vnc_password: 'x' }],
      }),
    ).toEqual({
      uuid: 'u',
      password: '[redacted]',
      customer_metadata: { root_authorized_keys: '[redacted]', 'user-script': '[redacted]', motd: 'hi' },
      nics: [{ ip: '10.0.0.2', vnc_password: '[redacted]' }],
    });
  });

  it('hides the passwords and TOTP codes of sign-in and user management', () => {
    expect(
      redactSecrets({
        username: 'olga',
        password: 'p1',
        currentPassword: 'p2',
        newPassword: 'p3',
        code: '123456',
        totpSecret: 'JBSWY3DP',
        role: 'operator',
      }),
    ).toEqual({
      username: 'olga',
      password: '[redacted]',
      currentPassword: '[redacted]',
      newPassword: '[redacted]',
      code: '[redacted]',
      totpSecret: '[redacted]',
      role: 'operator',
    });
  });
});
