/** Years offered by the funding pages: two back and one ahead of this year. */
import dayjs from 'dayjs';

export const thisYear = () => dayjs().year();
export const fundingYears = () => Array.from({ length: 4 }, (_, i) => thisYear() + 1 - i);
export const monthsOf = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
