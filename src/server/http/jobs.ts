import type { FastifyReply } from 'fastify'
import { StrataError } from '../../core/diagnostics.js'
import type { Lang } from '../../i18n/locale.js'
import { randomId } from '../auth/tokens.js'
import { errorBody } from './app.js'
import { ApiError, type ErrorBody, fromStrataError } from './errors.js'

/** A long run (import, analyze, model fit) that a client polls: its progress, then its result or error. */
export interface Job {
  readonly jobId: string
  readonly kind: string
  state: 'running' | 'done' | 'failed'
  progress: Record<string, unknown>
  result?: unknown
  error?: ErrorBody['error']
  status?: number
  readonly startedBy: string
}

/** Jobs of this process, kept in memory (the last 200); their outcomes are also in the store. */
export class Jobs {
  private readonly jobs = new Map<string, Job>()
  private readonly done = new Map<string, Promise<void>>()

  start(kind: string, startedBy: string, lang: Lang, work: (job: Job) => Promise<unknown>): Job {
    const job: Job = { jobId: randomId('job'), kind, state: 'running', progress: {}, startedBy }
    this.jobs.set(job.jobId, job)
    if (this.jobs.size > 200) this.jobs.delete(this.jobs.keys().next().value as string)
    const finished = work(job).then(
      (result) => {
        job.result = result
        job.state = 'done'
      },
      (error: unknown) => {
        job.state = 'failed'
        if (error instanceof StrataError) {
          const e = fromStrataError(error, lang)
          job.error = e.body.error
          job.status = e.status
        } else if (error instanceof ApiError) {
          job.error = errorBody(lang, error.code, error.params).error
          job.status = error.status
        } else {
          job.error = errorBody(lang, 'server.internal').error
          job.status = 500
        }
      },
    )
    this.done.set(job.jobId, finished)
    return job
  }

  get(jobId: string): Job | undefined {
    return this.jobs.get(jobId)
  }

  /** Resolves when the job has finished (either way). */
  async wait(jobId: string): Promise<Job | undefined> {
    await this.done.get(jobId)
    return this.jobs.get(jobId)
  }
}

/** Answers 202 with the job to poll, or waits and answers its outcome when `wait` is set. */
export async function answerJob(jobs: Jobs, job: Job, wait: boolean, reply: FastifyReply): Promise<unknown> {
  if (!wait) return reply.code(202).send(job)
  const done = (await jobs.wait(job.jobId))!
  if (done.state === 'failed') return reply.code(done.status ?? 500).send({ error: done.error })
  return reply.send(done)
}
