// Every chat-mode feature, registered once. The order is the sidebar's: each feature's notice, then each
// feature's section. Adding a feature: its file in this folder, and one line here (a test checks).
import type { Feature, ReportOf } from '../feature';
import { autoTag } from './auto-tag';
import { hostConsole } from './host-console';
import { latest } from './latest';
import { liveFilter } from './live-filter';
import { transcriptStatus } from './transcript-status';

export const features = [latest, transcriptStatus, hostConsole, liveFilter, autoTag] as const satisfies readonly Feature[];

type Registered = (typeof features)[number];

/** The sidebar's report slots: one per feature, named and typed by the feature itself. */
export type Reports = { readonly [F in Registered as F['name']]?: ReportOf<F> };
