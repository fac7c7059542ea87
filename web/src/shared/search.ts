/** One-click query (GET /api/search) helpers shared by the header box and the results page. */
import type { SearchResult } from '@xj/contracts';
import { api } from './api';

export type SearchGroup = SearchResult['groups'][number];

/** Search links are full console paths (/admin/…); the router's basename is /admin. */
export function consolePath(link: string): string {
  return link.startsWith('/admin/') ? link.slice('/admin'.length) : link;
}

export function searchRecords(q: string, limit: number, signal?: AbortSignal): Promise<SearchResult> {
  return api.get<SearchResult>('/api/search', { query: { q, limit }, signal, silent: true });
}
