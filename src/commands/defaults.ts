/** The scenario a command runs when none is named. */
export const DEFAULT_SCENARIO = 'mission';
/** The file `sora-mc init` writes when none is named. */
export const DEFAULT_INIT_FILE = 'scenario.yaml';
