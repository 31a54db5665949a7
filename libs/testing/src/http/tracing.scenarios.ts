import { randomBytes } from 'node:crypto';
import type { DistributedStack, ServiceName } from '../infra/distributed-stack';
import { readStackTopics } from '../infra/stack-records';
import { eventually } from './api-client';
import { newUserBody, openAccount } from './scenario';

/**
 * One request with a known X-Request-Id and W3C traceparent, followed as an operator would: `grep <id>`
 * over every service's log finds it from the gateway to the read model, each line with the trace id, and
 * every Kafka record it caused carries the trace as `ce_traceparent`.
 */
export function tracingScenarios(stack: () => DistributedStack): void {
  describe('one request followed by its id and trace', () => {
    const traceId = randomBytes(16).toString('hex');
    const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
    let requestId: string;

    beforeAll(async () => {
      const account = await openAccount(stack().users, stack().operatorToken);
      requestId = `trace-${account.accountId}`;
      const created = await account.admin.post(`/v1/accounts/${account.accountId}/users`, newUserBody(), {
        'x-request-id': requestId,
        traceparent,
      });
      expect(created.status).toBe(201);
    });

    const linesOf = (service: ServiceName) =>
      stack()
        .logRecords(service)
        .records.filter(
          (record) =>
            record['requestId'] === requestId ||
            (Array.isArray(record['requestIds']) && record['requestIds'].includes(requestId)),
        );

    it.each(['gateway', 'users', 'relay', 'projections'] as const)(
      'finds the request id in the log of %s, with the trace id on each of its lines',
      async (service) => {
        await eventually(async () => {
          expect(stack().logs(service)).toContain(requestId);
          const lines = linesOf(service);
          expect(lines.length).toBeGreaterThan(0);
          for (const line of lines) {
            expect(line).toMatchObject({ service, level: expect.any(String), time: expect.any(String) });
            if (line['requestId'] === requestId) expect(line['traceId']).toBe(traceId);
            else expect(line['traceIds']).toContain(traceId);
          }
        });
      },
    );

    it('carries the trace context on every Kafka record the request caused', async () => {
      await eventually(async () => {
        const records = (await readStackTopics(stack().name)).filter(
          (record) => record.headers['ce_correlationid'] === requestId,
        );
        expect(records.length).toBeGreaterThan(0);
        for (const record of records) {
          expect(record.headers['ce_traceparent']).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
        }
      });
    });
  });
}
