import {
  type CanActivate,
  Controller,
  type ExecutionContext,
  HttpCode,
  Injectable,
  Post,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { bearerToken, GuardedBy } from '@gatehouse/http';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { ProjectionRunner } from '../projection-runner/projection-runner';
import { ProjectionsConfig } from '../projection-runner/projections';
import type { RebuildStatus } from '../projection-runner/read-model-rebuild';

/** The platform operator's token, compared in constant time over digests of equal length. */
@Injectable()
class PlatformOperator implements CanActivate {
  constructor(private readonly config: ProjectionsConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const token = bearerToken(context.switchToHttp().getRequest<FastifyRequest>()) ?? '';
    const [given, expected] = [token, this.config.operatorToken].map((value) =>
      createHash('sha256').update(value).digest(),
    );
    if (token === '' || !timingSafeEqual(given, expected))
      throw new UnauthorizedException('the operator token is required');
    return true;
  }
}

@ApiTags('operations')
@ApiBearerAuth()
@GuardedBy(PlatformOperator)
@Controller('v1/read-models/rebuild')
export class RebuildReadModelsHttpController {
  constructor(private readonly runner: ProjectionRunner) {}

  /** Starts a rebuild of every read model (or joins the running one); /ready follows its progress. */
  @Post()
  @HttpCode(202)
  rebuild(): RebuildStatus {
    void this.runner.rebuild();
    return this.runner.status;
  }
}
