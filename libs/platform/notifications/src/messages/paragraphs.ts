/** Plain-text body from paragraphs, blank line between. */
export const paragraphs = (...lines: readonly string[]): string => lines.join('\n\n');
