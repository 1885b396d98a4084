/** Text for an HTML page or attribute value: the sandbox's pages show what callers sent. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
