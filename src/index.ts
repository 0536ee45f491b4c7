/**
 * The public library of `answer`. The CLI imports from here and nothing else, so it can only
 * use what a library user can.
 */
export * from './model.js';
export { EXIT, InputError, UsageError, formatErrorLine, isUserError } from './errors.js';
