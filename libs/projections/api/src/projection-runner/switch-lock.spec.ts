import { SwitchLock } from './switch-lock';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('SwitchLock', () => {
  it('runs shared work side by side', async () => {
    const lock = new SwitchLock();
    const order: string[] = [];
    await Promise.all(
      ['a', 'b'].map((name) =>
        lock.shared(async () => {
          order.push(`${name} in`);
          await tick();
          order.push(`${name} out`);
        }),
      ),
    );
    expect(order).toEqual(['a in', 'b in', 'a out', 'b out']);
  });

  it('starts exclusive work once shared work in flight is done, and holds new shared work until it ends', async () => {
    const lock = new SwitchLock();
    const order: string[] = [];
    const first = lock.shared(async () => {
      await tick();
      order.push('live 1');
    });
    const switching = lock.exclusively(async () => {
      order.push('switch start');
      await tick();
      order.push('switch end');
    });
    const second = lock.shared(async () => {
      order.push('live 2');
    });
    await Promise.all([first, switching, second]);
    expect(order).toEqual(['live 1', 'switch start', 'switch end', 'live 2']);
  });
});
