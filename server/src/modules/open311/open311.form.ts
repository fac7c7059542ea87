import { badRequest } from '../../platform/errors.js';

const ATTRIBUTE = /^attribute\[([^[\]]{1,40})\](\[\])?$/;

/**
 * An application/x-www-form-urlencoded service request as the specification posts it: empty
 * fields count as absent, `attribute[CODE]=v` and `attribute[CODE][]=v` (multi-value lists)
 * are gathered under `attribute`. A parameter given twice is refused rather than guessed.
 */
export function parseForm(body: string): Record<string, unknown> {
  const fields = new Map<string, unknown>();
  const attributes = new Map<string, string | string[]>();
  for (const [key, value] of new URLSearchParams(body)) {
    if (value === '') continue;
    const attr = ATTRIBUTE.exec(key);
    if (attr) {
      const code = attr[1]!;
      const existing = attributes.get(code);
      if (attr[2]) attributes.set(code, [...(Array.isArray(existing) ? existing : []), value]);
      else if (existing !== undefined) throw badRequest(`参数重复：${key}`);
      else attributes.set(code, value);
      continue;
    }
    if (fields.has(key) || key === 'attribute') throw badRequest(`参数重复或不正确：${key}`);
    fields.set(key, value);
  }
  if (attributes.size) fields.set('attribute', Object.fromEntries(attributes));
  return Object.fromEntries(fields);
}
