/** A developer account's trial-like limits: defaults from the environment, copied onto the account when it is made. */
export type DeveloperLimits = { emailsPerDay: number; maxApiKeys: number };

const positive = (raw: string | undefined, fallback: number) => {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export function developerLimitDefaults(env: NodeJS.ProcessEnv = process.env): DeveloperLimits {
  return { emailsPerDay: positive(env.DEVELOPER_ACCOUNT_EMAILS_PER_DAY, 200), maxApiKeys: positive(env.DEVELOPER_ACCOUNT_MAX_KEYS, 5) };
}
