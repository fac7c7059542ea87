/**
 * Rules about people's identifiers, shared by the server, imports and the web. One masking
 * rule platform-wide: phones keep the first 3 and last 4 digits, ID numbers the first 6
 * (region) and last 4.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * ID_WEIGHTS[i]!, 0);
  return ID_CHECK[sum % 11]!;
}

/** Birth date (YYYY-MM-DD) encoded in an 18-character ID number, or null if it is not a real date. */
export function birthDateFromId(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (date.getTime() > Date.now()) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** The sex encoded in an ID number: odd 17th digit male, even female. */
export function genderFromId(id: string): 'male' | 'female' {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

/** Why an ID number is invalid (Chinese, for people), or null when it is valid. */
export function idNumberProblem(id: string): string | null {
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return '身份证号应为18位：17位数字加1位数字或大写X';
  if (!birthDateFromId(id)) return '身份证号中的出生日期无效';
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return '身份证号校验码不正确，请核对';
  return null;
}

export const isValidIdNumber = (id: string) => idNumberProblem(id) === null;

/** Mainland mobile (11 digits) or a landline with area code. */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
export const isValidPhone = (phone: string) => PHONE_PATTERN.test(phone);

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  return `${id.slice(0, 6)}${'*'.repeat(Math.max(id.length - 10, 0))}${id.slice(-4)}`;
}

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, { zh: string; en: string }> = {
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
};

/** Fields that are masked by default and can be revealed with a reason. */
export const SENSITIVE_FIELDS = ['phone', 'idNumber'] as const;
export type SensitiveField = (typeof SENSITIVE_FIELDS)[number];
