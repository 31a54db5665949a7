import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Server } from 'node:http';
import { httpAdapter, REQUEST_TIMEOUT_MS } from './http-app';

@Controller('things')
class ThingsController {
  @Get(':id')
  get(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

describe('the HTTP adapter', () => {
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(ThingsModule, httpAdapter(), { logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(() => app.close());

  it('keeps Node’s limit on how long a request may take to arrive, which Fastify would turn off', () => {
    expect((app.getHttpServer() as Server).requestTimeout).toBe(REQUEST_TIMEOUT_MS);
    expect(REQUEST_TIMEOUT_MS).toBe(300_000);
  });

  it('routes a path with or without its trailing slash, and only in its own case', async () => {
    const statuses = await Promise.all(
      ['/things/1', '/things/1/', '/THINGS/1'].map(async (path) => {
        const response = await fetch(`${base}${path}`);
        await response.arrayBuffer();
        return response.status;
      }),
    );
    expect(statuses).toEqual([200, 200, 404]);
  });
});
