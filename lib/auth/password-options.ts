// OWASP's argon2id baseline (19 MiB, t=2, p=1): ~10 ms here with @node-rs/argon2, off the event loop.
// Kept apart from password.ts so the seed script (outside Next) can hash with the same settings.
export const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
