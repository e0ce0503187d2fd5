import { z } from 'zod';

// Zod compiles object parsers with `new Function` when it may; its probe for that is an eval our
// Content-Security-Policy blocks (no 'unsafe-eval'), and the browser reports every blocked probe
// as a violation. Parsing without the JIT is the same parsing, and the policy stays quiet.
z.config({ jitless: true });
