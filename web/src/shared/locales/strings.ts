/** The shape a translation must have: the same keys as the zh-CN strings, any text. */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
