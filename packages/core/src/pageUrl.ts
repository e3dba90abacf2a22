/** The address of the page the inbox runs in (a placeholder outside a browser), to resolve relative URLs against. */
export const pageUrl = (): string => globalThis.location?.href ?? 'http://localhost/'
