export interface LogLines {
  readonly records: Record<string, unknown>[];
  readonly unstructured: string[];
}

/** Output split into JSON log records (objects) and every other non-blank line. */
export function logLines(output: string): LogLines {
  const records: Record<string, unknown>[] = [];
  const unstructured: string[] = [];
  for (const line of output.split('\n').filter((text) => text.trim() !== '')) {
    try {
      const record: unknown = JSON.parse(line);
      if (typeof record === 'object' && record !== null && !Array.isArray(record)) {
        records.push(record as Record<string, unknown>);
      } else unstructured.push(line);
    } catch {
      unstructured.push(line);
    }
  }
  return { records, unstructured };
}
