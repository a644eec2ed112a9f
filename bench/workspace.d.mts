/** Types of the bench's workspace generator (workspace.mjs), for the tests that use it. */
export function sizedReport(options: { s: number; sessions: number; kb: number; seed?: number; mistakes?: boolean }): string;
