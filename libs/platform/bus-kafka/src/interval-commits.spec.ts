import { IntervalCommits } from './interval-commits';

describe('IntervalCommits', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const setup = () => {
    const errors: unknown[] = [];
    const commits = new IntervalCommits(1_000, (error) => errors.push(error));
    const made: string[] = [];
    const commit = (name: string, error?: Error) => async () => {
      made.push(name);
      if (error) throw error;
    };
    return { commits, made, commit, errors };
  };

  it('commits batches handled within an interval once, when it ends, with the latest batch', async () => {
    const { commits, made, commit } = setup();
    await commits.due(commit('first'));
    await jest.advanceTimersByTimeAsync(400);
    await commits.due(commit('second'));
    await jest.advanceTimersByTimeAsync(599);
    expect(made).toEqual([]);

    await jest.advanceTimersByTimeAsync(1);
    expect(made).toEqual(['second']);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(made).toEqual(['second']);
  });

  it('commits at the end of a batch once an interval has passed since the last commit', async () => {
    const { commits, made, commit } = setup();
    await jest.advanceTimersByTimeAsync(1_000);
    await commits.due(commit('late'));
    expect(made).toEqual(['late']);

    await jest.advanceTimersByTimeAsync(300);
    await commits.due(commit('soon after'));
    expect(made).toEqual(['late']);
    await jest.advanceTimersByTimeAsync(700);
    expect(made).toEqual(['late', 'soon after']);
  });

  it('commits what is handled on close, and every batch that ends after it at once', async () => {
    const { commits, made, commit } = setup();
    await commits.due(commit('handled'));
    await commits.close();
    expect(made).toEqual(['handled']);

    await commits.due(commit('in hand'));
    expect(made).toEqual(['handled', 'in hand']);
    await commits.close();
    expect(made).toEqual(['handled', 'in hand']);
  });

  it('reports a failed commit without failing the batch, and commits again with the next', async () => {
    const { commits, made, commit, errors } = setup();
    const refused = new Error('REBALANCE_IN_PROGRESS');
    await jest.advanceTimersByTimeAsync(1_000);
    await expect(commits.due(commit('refused', refused))).resolves.toBeUndefined();
    expect(errors).toEqual([refused]);

    await jest.advanceTimersByTimeAsync(1_000);
    await commits.due(commit('next'));
    expect(made).toEqual(['refused', 'next']);
  });

  it('runs one commit at a time', async () => {
    const { commits } = setup();
    const order: string[] = [];
    let release = (): void => undefined;
    const slow = () =>
      new Promise<void>((resolve) => {
        order.push('slow began');
        release = () => {
          order.push('slow ended');
          resolve();
        };
      });
    await jest.advanceTimersByTimeAsync(1_000);
    const first = commits.due(slow);
    await jest.advanceTimersByTimeAsync(1_000);
    const second = commits.due(async () => void order.push('next began'));
    await jest.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['slow began']);

    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['slow began', 'slow ended', 'next began']);
  });
});
