import { Public } from '@gatehouse/http';
import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Metrics } from './metrics';
import { ReadinessChecks, type ReadinessReport, runReadiness } from './readiness';

/**
 * Public and cheap, for orchestrators and scrapers: /health says the process serves, /ready that what it
 * needs answers (503 when not), /metrics the Prometheus text format.
 */
@ApiExcludeController()
@Public()
@Controller()
export class OperationsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly readiness: ReadinessChecks,
  ) {}

  @Get('health')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Header('cache-control', 'no-store')
  async ready(@Res({ passthrough: true }) response: FastifyReply): Promise<ReadinessReport> {
    const report = await runReadiness(this.readiness.checks);
    response.status(report.ready ? 200 : 503);
    return report;
  }

  @Get('metrics')
  async scrape(@Res() response: FastifyReply): Promise<void> {
    const { contentType, body } = await this.metrics.exposition();
    response.type(contentType).send(body);
  }
}
