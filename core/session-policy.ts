/** How long a sign-in lasts (the JWT cookie and its server-side session row expire together). */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;
