import { describe, expect, it } from 'vitest';
import type { ImportProgress, ImportReport } from '../../../common/import';
import { ImportSession, type ImportBatch, type ImportView } from '../../../renderer/import/import-session';

function progress(jobId: string, fields: Partial<ImportProgress>): ImportProgress {
  return {
    jobId,
    state: 'running',
    phase: 'import',
    total: 0,
    done: 0,
    imported: 0,
    duplicates: 0,
    failed: 0,
    current: null,
    report: null,
    error: null,
    ...fields,
  };
}

function report(prefix: string, imported: number, duplicates = 0, failed = 0): ImportReport {
  return {
    imported: Array.from({ length: imported }, (_, i) => ({
      id: `${prefix}${i}`,
      title: `T${i}`,
      source: `${prefix}${i}.txt`,
      versionOf: null,
    })),
    duplicates: Array.from({ length: duplicates }, (_, i) => ({
      id: `d${i}`,
      source: `${prefix}dup${i}.txt`,
    })),
    failed: Array.from({ length: failed }, (_, i) => ({
      source: `${prefix}bad${i}.txt`,
      reason: 'not an article',
    })),
  };
}

/** A server job that advances one step per poll through `steps`. */
function fakeApi(jobs: Record<string, ImportProgress[]>) {
  const polls: string[] = [];
  const cancelled: string[] = [];
  return {
    polls,
    cancelled,
    api: {
      importStatus: async ({ jobId }: { jobId: string }) => {
        polls.push(jobId);
        const steps = jobs[jobId] ?? [];
        const next = steps.length > 1 ? steps.shift() : steps[0];
        if (!next) throw new Error(`no job ${jobId}`);
        return next;
      },
      cancelImport: async ({ jobId }: { jobId: string }) => {
        cancelled.push(jobId);
        const ended = progress(jobId, {
          state: 'cancelled',
          total: 10,
          done: 4,
          imported: 4,
          report: report(jobId, 4),
        });
        jobs[jobId] = [ended];
        return ended;
      },
    },
  };
}

function run(session: ImportSession, views: ImportView[]): Promise<ImportView> {
  return new Promise((resolve) => {
    const wait = () => {
      const last = views[views.length - 1];
      if (last && last.state !== 'running') resolve(last);
      else setTimeout(wait, 1);
    };
    wait();
  });
}

function start(jobs: Record<string, ImportProgress[]>) {
  const server = fakeApi(jobs);
  const views: ImportView[] = [];
  let jobsEnded = 0;
  const session = new ImportSession({
    api: server.api,
    onUpdate: (view) => views.push(view),
    onJobEnded: () => jobsEnded++,
    sleep: async () => undefined,
  });
  return { session, views, server, jobsEnded: () => jobsEnded };
}

const batch = (count: number, job: ImportProgress): ImportBatch => ({
  count,
  start: async () => ({ job, failed: [] }),
});

describe('ImportSession', () => {
  it('adds the counts and reports of several batch jobs into one progress and one report', async () => {
    const { session, views, jobsEnded } = start({
      a: [
        progress('a', {
          total: 3,
          done: 3,
          imported: 2,
          duplicates: 1,
          state: 'done',
          report: report('a', 2, 1),
        }),
      ],
      b: [
        progress('b', {
          total: 2,
          done: 2,
          imported: 1,
          failed: 1,
          state: 'done',
          report: report('b', 1, 0, 1),
        }),
      ],
    });
    session.add([batch(3, progress('a', { total: 3 })), batch(2, progress('b', { total: 2 }))]);
    expect(views[0]?.total).toBe(5);
    const end = await run(session, views);
    expect(end).toMatchObject({
      state: 'done',
      total: 5,
      done: 5,
      imported: 3,
      duplicates: 1,
      failed: 1,
      error: null,
    });
    expect(end.report.imported.map((item) => item.source)).toEqual(['a0.txt', 'a1.txt', 'b0.txt']);
    expect(end.report.failed).toEqual([{ source: 'bbad0.txt', reason: 'not an article' }]);
    expect(jobsEnded()).toBe(2);
  });

  it('shows progress while a job runs, the total growing as the server finds inputs', async () => {
    const { session, views } = start({
      m: [
        progress('m', { total: 40, done: 10, imported: 10, current: 'tech/010.txt' }),
        progress('m', { total: 401, done: 401, imported: 401, state: 'done', report: report('m', 401) }),
      ],
    });
    session.follow(progress('m', { total: 0 }));
    const end = await run(session, views);
    expect(
      views.some((view) => view.total === 40 && view.done === 10 && view.current === 'tech/010.txt'),
    ).toBe(true);
    expect(end).toMatchObject({ state: 'done', total: 401, imported: 401 });
  });

  it('cancels the running job and drops the batches not started', async () => {
    const { session, views, server } = start({ a: [progress('a', { total: 10, done: 2 })] });
    let secondStarted = false;
    session.add([
      batch(10, progress('a', { total: 10 })),
      {
        count: 5,
        start: async () => {
          secondStarted = true;
          return { job: null, failed: [] };
        },
      },
    ]);
    session.cancel();
    const end = await run(session, views);
    expect(server.cancelled).toEqual(['a']);
    expect(secondStarted).toBe(false);
    expect(end).toMatchObject({ state: 'cancelled', total: 10, done: 4, imported: 4 });
  });

  it('stops at a failed job with its error', async () => {
    const { session, views } = start({
      a: [progress('a', { state: 'failed', error: 'The library is locked by another Offprint.' })],
    });
    session.add([batch(1, progress('a', {})), batch(1, progress('never', {}))]);
    const end = await run(session, views);
    expect(end).toMatchObject({ state: 'failed', error: 'The library is locked by another Offprint.' });
  });

  it('fails with the message when a batch cannot even start', async () => {
    const { session, views } = start({});
    session.add([{ count: 2, start: () => Promise.reject(new Error('Cannot reach the Offprint server.')) }]);
    expect(await run(session, views)).toMatchObject({
      state: 'failed',
      error: 'Cannot reach the Offprint server.',
    });
  });

  it('reports files that could not be read before upload as failures', async () => {
    const { session, views } = start({
      a: [progress('a', { total: 1, done: 1, imported: 1, state: 'done', report: report('a', 1) })],
    });
    session.add([
      {
        count: 2,
        start: async () => ({
          job: progress('a', { total: 1 }),
          failed: [{ source: 'gone.txt', reason: 'NotFoundError' }],
        }),
      },
    ]);
    const end = await run(session, views);
    expect(end).toMatchObject({ total: 2, done: 2, imported: 1, failed: 1 });
    expect(end.report.failed).toEqual([{ source: 'gone.txt', reason: 'NotFoundError' }]);
  });
});
