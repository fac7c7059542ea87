/** The description of one registry page: where its API is, its filters, columns, detail and form. */
import type { ReactElement, ReactNode } from 'react';
import type { DescriptionsProps, TableProps } from 'antd';
import type { NodeKind, Permission } from '@xj/contracts';
import type { RemoteSource } from './RemoteSelect';

export interface Option {
  value: string;
  label: string;
}

export type FilterSpec =
  | { key: string; kind: 'q'; label: string; placeholder: string }
  | { key: string; kind: 'node'; label: string }
  | { key: string; kind: 'select'; label: string; options: Option[] };

export type FieldSpec = {
  name: string;
  label: string;
  required?: boolean;
  /** Sent on create only (e.g. the person of a role, fixed afterwards). */
  createOnly?: boolean;
  help?: string;
} & (
  | { kind: 'text'; max?: number; validate?: (v: string) => string | null }
  | { kind: 'date' }
  | { kind: 'switch' }
  | { kind: 'tags' }
  | { kind: 'select'; options: Option[] }
  | { kind: 'person'; fallbackLabel?: (row: unknown) => string | undefined }
  | { kind: 'remote'; source: RemoteSource; fallbackLabel?: (row: unknown) => string | undefined }
  | { kind: 'node'; selectableKinds?: readonly NodeKind[]; fallbackLabel?: (row: unknown) => string | undefined }
  /** Several stairwells of the compound chosen in the field `compoundField` (ids; labelled building + stairwell). */
  | { kind: 'stairwells'; compoundField: string }
  /**
   * Any input taking `value`/`onChange` (e.g. a list editor). `toApi` turns its value into the
   * request's (also applied to `valuesOf` to tell whether it changed); `validate` says what is wrong.
   */
  | { kind: 'custom'; input: ReactElement; toApi?: (v: unknown) => unknown; validate?: (v: unknown) => string | null }
);

export interface FormSpec<T> {
  fields: FieldSpec[];
  /** The form's values for an existing record (dates as YYYY-MM-DD strings). */
  valuesOf: (row: T) => Record<string, unknown>;
  /** Edit from GET apiPath/:id rather than the list row (when the row lacks what the form needs). */
  loadDetail?: boolean;
}

export interface RegistrySpec<T extends { id: number }> {
  title: string;
  description: string;
  /** API root, e.g. /api/red-shops. */
  apiPath: string;
  writePermission: Permission;
  filters: FilterSpec[];
  columns: NonNullable<TableProps<T>['columns']>;
  /** Record name for drawer and form titles. */
  nameOf: (row: T) => string;
  /** Detail drawer content; `full` is GET apiPath/:id when `loadDetail` is set, else the row. */
  detailItems: (full: T) => DescriptionsProps['items'];
  detailExtra?: (full: T) => ReactNode;
  loadDetail?: boolean;
  form?: FormSpec<T>;
  /** Extra buttons in the page header. */
  headerExtra?: ReactNode;
  /**
   * Excel import and export under apiPath (/import/template, /import, /export): export for
   * readers, import (at <page path>/import) with the write permission. `name` names the files.
   */
  excel?: { name: string };
}
