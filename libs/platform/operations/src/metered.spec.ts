import { type EmailMessage, MessageNotBuilt, Notifier } from '@gatehouse/notifications';
import { meteredNotifier } from './metered';
import { Metrics } from './metrics';

class FailingNotifier extends Notifier {
  constructor(private readonly failure?: Error) {
    super();
  }
  async send(_message: EmailMessage): Promise<void> {
    if (this.failure) throw this.failure;
  }
}

const message: EmailMessage = {
  to: 'ada@example.com',
  language: 'en',
  template: 'account-locked',
  params: {},
  correlationId: 'c1',
};

async function outcomes(metrics: Metrics): Promise<Record<string, number>> {
  const { values } = await metrics.notifications.get();
  return Object.fromEntries(values.map((value) => [String(value.labels.outcome), value.value]));
}

describe('meteredNotifier', () => {
  it('counts sent, failed and unbuildable messages apart, passing failures on', async () => {
    const metrics = new Metrics('test');
    await meteredNotifier(new FailingNotifier(), metrics).send(message);
    const transport = meteredNotifier(new FailingNotifier(new Error('smtp down')), metrics);
    await expect(transport.send(message)).rejects.toThrow('smtp down');
    const unbuildable = new MessageNotBuilt('NOTIFICATION_NO_RECIPIENT', 'account-locked', 'no recipient');
    await expect(meteredNotifier(new FailingNotifier(unbuildable), metrics).send(message)).rejects.toBe(
      unbuildable,
    );
    expect(await outcomes(metrics)).toEqual({ sent: 1, failed: 1, unbuildable: 1 });
  });
});
