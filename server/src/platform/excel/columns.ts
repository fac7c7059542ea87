/**
 * Column definitions for Excel import and export. A registry describes its sheet once as a
 * list of columns; templates, reading, error reports and exports are built from that list.
 */

export interface ImportColumn<K extends string = string> {
  /** Field of the row object handed to the row schema. */
  key: K;
  /** Chinese header; required columns show it with a trailing `*`. */
  header: string;
  required?: boolean;
  /** Kept as typed text: Excel would turn long digit strings (ID numbers, codes) into rounded numbers. */
  text?: boolean;
  /** A date: Excel date cells and `2024/5/1`, `2024年5月1日`, `20240501` become `2024-05-01`. */
  date?: boolean;
  /** Allowed values, typed as their Chinese labels and handed to the schema as codes. */
  choices?: Readonly<Record<string, { zh: string }>>;
  /** No two rows of one file may share a (parsed) value; all of them are refused. */
  unique?: boolean;
  width?: number;
  example?: string;
  /** What to fill in, shown in the header's note and on the explanation sheet. */
  help: string;
}

export interface ExportColumn<R> {
  header: string;
  width?: number;
  text?: boolean;
  value: (row: R) => string | number | null | undefined;
}

/** The header as written in templates. */
export const headerLabel = (c: Pick<ImportColumn, 'header' | 'required'>) => (c.required ? `${c.header}*` : c.header);

/** Headers match whatever the person typed around them: spaces, `*`, full-width `＊`. */
export const normalizeHeader = (s: string) => s.replace(/[\s*＊]/g, '');

/** The labels of a column's choices, for help texts and messages. */
export const choiceLabels = (c: Pick<ImportColumn, 'choices'>) => Object.values(c.choices ?? {}).map((l) => l.zh);
