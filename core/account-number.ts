/** Accounts' public numbers, MailUp's style: "m" + digits (m1001). The database keeps the number as an integer. */
export const formatAccountNumber = (n: number) => `m${n}`;

/** "m1234" (any case, surrounding spaces) or "1234" → 1234; anything else → null. */
export function parseAccountNumber(text: string): number | null {
  const match = /^\s*m?(\d{1,9})\s*$/i.exec(text);
  return match ? Number(match[1]) : null;
}
