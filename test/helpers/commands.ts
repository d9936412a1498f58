// The baseline and check commands as the CLI runs them: the job, then its view (what it prints).
import { baselineJob, type BaselineRequest } from '../../src/commands/baseline.js';
import { checkJob, type CheckRequest } from '../../src/commands/check.js';
import { baselinePrinted } from '../../src/views/baseline.js';
import { checkPrinted } from '../../src/views/check.js';

export async function baselineCommand(request: BaselineRequest & { json?: boolean } = {}) {
  const outcome = await baselineJob(request);
  return { ...outcome, ...baselinePrinted(outcome, request.json) };
}

export async function checkCommand(request: CheckRequest & { json?: boolean } = {}) {
  const outcome = await checkJob(request);
  return { ...outcome, ...checkPrinted(outcome, request.json) };
}

export type CheckOutcome = Awaited<ReturnType<typeof checkCommand>>;
