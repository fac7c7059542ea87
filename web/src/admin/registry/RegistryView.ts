import { createContext } from 'react';

/**
 * Which view of a registry page a route shows: its list, or (at <page path>/import) its Excel
 * import. The routes set it, so each page's spec stays the single description of the registry.
 */
export type RegistryView = 'list' | 'import';

export const RegistryViewContext = createContext<RegistryView>('list');
