/** The scenario a command runs when none is named: the best estimate. */
import { BEST_ESTIMATE } from '../scenario/best-estimate-name.js';

export const DEFAULT_SCENARIO = BEST_ESTIMATE;
