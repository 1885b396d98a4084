import { startJobQueue, type JobQueue } from '../../src/jobs/job-queue';
import { createTestDatabase } from '../../src/testkit/test-database';

describe('job queue: a job held by a worker that died is handed out again', () => {
  let db: { url: string; drop: () => Promise<void> };
  let jobs: JobQueue;

  beforeAll(async () => {
    db = await createTestDatabase();
    jobs = await startJobQueue({ url: db.url, schema: 'test_jobs', queues: ['work'] });
  });

  afterAll(async () => {
    await jobs.stop({ graceful: false, wait: true });
    await db.drop();
  });

  it('expires the dead worker’s job and fetches it again within seconds, not minutes', async () => {
    const id = await jobs.send('work', { n: 1 }, { expireInSeconds: 1, retryLimit: 3 });
    // A worker fetches the job and dies before completing it: nobody ever completes it.
    const [taken] = await jobs.fetch('work');
    expect(taken?.id).toBe(id);
    expect(await jobs.fetch('work')).toEqual([]);

    const started = Date.now();
    let again: Awaited<ReturnType<JobQueue['fetch']>> = [];
    while (again.length === 0 && Date.now() - started < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      again = await jobs.fetch('work');
    }
    // With pg-boss's default maintenance (every two minutes) the loop above runs out first.
    expect(again.map((job) => job.id)).toEqual([id]);
  });
});
