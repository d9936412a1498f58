/** The bridge job: simulate a scenario and return the bridge of each bridged output to its median. */
import { bridges, type Bridge } from '../bridge/bridge.js';
import type { Result } from '../result/types.js';
import { simulateRequest, type RunRequest } from './run.js';

export async function bridgeJob(request: RunRequest): Promise<{ result: Result; bridges: Bridge[] }> {
  const result = await simulateRequest(request);
  return { result, bridges: bridges(result) };
}
