/** `check` and `status` on the workspace: read only, paths on the command line relative to where the user works. */
import { checkWorkspace, workspaceStatus, type CheckOptions, type StatusOptions } from '../check/index.js';
import type { CheckReport } from '../check/report.js';
import type { StatusReport } from '../check/status.js';
import { resolveLetterPath } from './letters.js';
import type { Workspace } from './workspace.js';

export type { CheckOptions, CheckReport, StatusOptions, StatusReport };

export async function check(ws: Workspace, options: CheckOptions): Promise<CheckReport> {
  // A question document may be named by its id, as status prints it.
  // Paths are shown as the workspace sees them (check's report is workspace-relative).
  const paths = options.paths && (await Promise.all(options.paths.map(async (given) => ws.shown((await resolveLetterPath(ws, given)) ?? ws.userPath(given)))));
  return checkWorkspace(ws.root, { ...options, paths });
}

export async function status(ws: Workspace, options: StatusOptions): Promise<StatusReport> {
  return workspaceStatus(ws.root, options);
}
