/** The scenario a command runs when none is named. */
export const DEFAULT_SCENARIO = 'mission';
