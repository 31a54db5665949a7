import { freePort } from './free-port';

describe('freePort', () => {
  it('never hands out a port twice, though each is free again once drawn', async () => {
    const ports: number[] = [];
    // 400 draws from a slice of 1,500 ports repeat one all but surely when draws are independent.
    for (let draw = 0; draw < 400; draw++) ports.push(await freePort());
    expect(new Set(ports).size).toBe(ports.length);
  });

  it("draws from this Jest worker's slice, below Linux's ephemeral range", async () => {
    const worker = Number(process.env['JEST_WORKER_ID'] ?? 1);
    const lowest = 20_000 + ((worker - 1) % 8) * 1_500;
    const port = await freePort();
    expect(port).toBeGreaterThanOrEqual(lowest);
    expect(port).toBeLessThan(Math.min(lowest + 1_500, 32_768));
  });
});
