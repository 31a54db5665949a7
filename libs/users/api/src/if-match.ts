import { BadRequestException } from '@nestjs/common';

/** If-Match carries the stream version the client read (the ETag of GET); absent means "whatever is current". */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(header.trim());
  if (!match) throw new BadRequestException('If-Match must be an ETag returned by GET, such as "3"');
  return Number(match[1]);
}
