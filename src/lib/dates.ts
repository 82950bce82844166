/** An ISO date (2021-02-23) as a reader reads it: "23 February 2021", or "23 Feb 2021" where space is short. */
export function readableDate(isoDate: string, month: 'long' | 'short' = 'long'): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' });
}
