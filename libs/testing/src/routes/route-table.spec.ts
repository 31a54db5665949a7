import { type CanActivate, Controller, Get, Module, Post } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { EdgeGuard, GuardedBy, Public } from '@gatehouse/http';
import { openings, routeTable, unguarded } from './route-table';

class OperatorOnly implements CanActivate {
  canActivate(): boolean {
    return false;
  }
}

@Controller('v1/things')
class ThingsController {
  @Get(':thingId')
  get(): string {
    return 'thing';
  }

  @Public()
  @Post('claims')
  claim(): string {
    return 'claimed';
  }

  @GuardedBy(OperatorOnly)
  @Post()
  create(): string {
    return 'created';
  }
}

/** The failing fixture: a runtime that forgot the edge guard leaves its unmarked route open. */
@Module({ controllers: [ThingsController] })
class WithoutEdgeModule {}

@Module({ imports: [WithoutEdgeModule], providers: [{ provide: APP_GUARD, useClass: EdgeGuard }] })
class WithEdgeModule {}

describe('route table', () => {
  it('finds an unmarked route unguarded where no edge guard is bound', async () => {
    expect(unguarded(await routeTable(WithoutEdgeModule))).toEqual(['GET /v1/things/:thingId']);
  });

  it('finds every unmarked route behind the edge guard where one is bound', async () => {
    const routes = await routeTable({ module: WithEdgeModule, imports: [] });
    expect(unguarded(routes)).toEqual([]);
    expect(routes.find((route) => route.key === 'GET /v1/things/:thingId')?.guarding).toBe('principal');
  });

  it('lists public routes and routes behind a guard of their own as openings', async () => {
    expect(openings(await routeTable(WithEdgeModule))).toEqual([
      'POST /v1/things (own:OperatorOnly)',
      'POST /v1/things/claims (public)',
    ]);
  });
});
