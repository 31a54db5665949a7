import { type DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { Metrics } from './metrics';
import { OperationsController } from './operations.controller';
import { ReadinessChecks } from './readiness';

/**
 * /health, /ready and /metrics for a runtime, and its Metrics for whatever records into them. The
 * runtime binds ReadinessChecks (what it cannot serve without) among its own providers.
 */
@Global()
@Module({})
export class OperationsModule {
  static register(service: string, readiness: Provider<ReadinessChecks>): DynamicModule {
    return {
      module: OperationsModule,
      controllers: [OperationsController],
      providers: [{ provide: Metrics, useValue: new Metrics(service) }, readiness],
      exports: [Metrics, ReadinessChecks],
    };
  }
}
