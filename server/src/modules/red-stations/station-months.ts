/** The twelve months ending with `today`'s (YYYY-MM-DD), oldest first, as YYYY-MM, and the first day of the first. */
export function lastTwelveMonths(today: string): { months: string[]; from: string } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1;
  const months = Array.from({ length: 12 }, (_, i) => {
    const k = y * 12 + m - 11 + i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
  return { months, from: `${months[0]}-01` };
}
