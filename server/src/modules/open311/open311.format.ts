import { XMLBuilder } from 'fast-xml-parser';
import type { Open311Format } from '@xj/contracts';

/** A value of an Open311 document: JSON as is; in XML, arrays repeat their singular element. */
export type Doc = string | number | boolean | null | Doc[] | { [key: string]: Doc };

export const CONTENT_TYPES: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** The specification's list elements and the element each of their items becomes. */
const ITEM_OF: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: false, processEntities: true });

function toXmlTree(value: Doc, key: string): unknown {
  if (value === null) return '';
  if (Array.isArray(value)) {
    const item = ITEM_OF[key];
    if (!item) throw new Error(`Open311: no element name for the items of ${key}`);
    return { [item]: value.map((v) => toXmlTree(v, item)) };
  }
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toXmlTree(v, k)]));
  return String(value);
}

/** One document in the requested format; `root` names the XML root element (JSON has none). */
export function render(format: Open311Format, root: string, doc: Doc): string {
  if (format === 'json') return JSON.stringify(doc);
  const xml = builder.build({ [root]: toXmlTree(doc, root) }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
}

/** The specification's error document: `[{ code, description }]` / `<errors><error>…`. */
export function renderError(format: Open311Format, code: number, description: string): string {
  return render(format, 'errors', [{ code, description }]);
}

/** ISO 8601 in China time (fixed UTC+8, no DST), as the specification wants an explicit offset. */
export function chinaIso(at: Date): string {
  const local = new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}
