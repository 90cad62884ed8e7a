import type { Screen } from '../../app';
import { ReportScreen } from './report';
import { TrackScreen } from './track';
import { WishesScreen } from './wishes';

/**
 * The resident's pages: public, phone first. `/t/<caseId>` is the short path a text can carry to a
 * case's progress (the case id only; the tracking code is typed in, never in an address).
 */
export const residentScreens: Screen[] = [
  { path: '/report', view: ({ who }) => <ReportScreen who={who} /> },
  { path: '/track', view: ({ who }) => <TrackScreen who={who} /> },
  { path: '/track/:caseId', view: ({ params, who }) => <TrackScreen key={params.caseId} caseId={params.caseId} who={who} /> },
  { path: '/t/:caseId', view: ({ params, who }) => <TrackScreen key={params.caseId} caseId={params.caseId} who={who} /> },
  { path: '/wishes', view: ({ who }) => <WishesScreen who={who} /> },
];
