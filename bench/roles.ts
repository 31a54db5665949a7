import { heading, type SectionResult, verdict } from './report';
import { runRolesScaleBench } from './roles-scale';

/** Flat as the account grows: the 1M-user p50 of each operation within 2× of the 10-user one. */
const FLATNESS = 2;

export async function rolesSection(): Promise<SectionResult> {
  heading('Roles at scale (one account, PostgreSQL): permission check and toggle vs account size');
  const sizes = (process.env['BENCH_ROLES_USERS'] ?? '10,100000,1000000').split(',').map(Number);
  const rows = await runRolesScaleBench(sizes);
  const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(9);
  console.log('    users | seeded in | cold check p50 / p99 | warm check p50 / p99 |  toggle p50 / p99');
  for (const row of rows) {
    console.log(
      [
        String(row.users).padStart(9),
        `${row.seedSeconds.toFixed(1)} s`.padStart(9),
        `${ms(row.coldCheck.p50)} /${ms(row.coldCheck.p99)}`,
        `${ms(row.warmCheck.p50)} /${ms(row.warmCheck.p99)}`,
        `${ms(row.toggle.p50)} /${ms(row.toggle.p99)}`,
      ].join(' | '),
    );
  }
  const [small, large] = [rows[0], rows[rows.length - 1]];
  const growth = Math.max(
    large.coldCheck.p50 / small.coldCheck.p50,
    large.warmCheck.p50 / small.warmCheck.p50,
    large.toggle.p50 / small.toggle.p50,
  );
  const pass = growth <= FLATNESS;
  console.log(
    `largest p50 growth ${small.users} → ${large.users} users: ${growth.toFixed(2)}× ${verdict(pass)}`,
  );
  return {
    section: 'roles',
    pass,
    headline: `p50 at ${large.users} users: check ${large.coldCheck.p50.toFixed(2)} ms cold, toggle ${large.toggle.p50.toFixed(2)} ms; growth ${growth.toFixed(2)}× (target ≤ ${FLATNESS}×)`,
  };
}
