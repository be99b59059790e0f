/** How old a key's secret may get before the weekly digest lists it as due for rotation (days). */
export const ROTATION_AGE_DAYS = 90;
