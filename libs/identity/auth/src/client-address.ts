import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

/**
 * Where `request.ip` comes from, which the IP safelist judges: the socket peer, unless that peer is one of
 * `trusted` (Express `trust proxy`: addresses, CIDR ranges or `loopback`), in which case X-Forwarded-For
 * is walked right to left past trusted hops. In distributed mode the gateway is that proxy (it replaces
 * any X-Forwarded-For a client sent with the peer it saw); with nothing trusted the header is ignored.
 */
export function trustProxies(app: INestApplication, trusted: readonly string[]): void {
  (app as NestExpressApplication).set('trust proxy', trusted.length > 0 ? [...trusted] : false);
}
