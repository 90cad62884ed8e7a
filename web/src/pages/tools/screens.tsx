import type { Screen } from '../../app';
import type { Role } from '../../auth/identity';
import { config } from '../../config';
import { Shell } from '../../shell';
import { Clock } from './clock';
import { ExecutionPage, Executions } from './executions';
import { Outbox } from './outbox';

/**
 * The local stack's tools. Any signed-in person may open them: on the local stack every tester plays
 * every role, and the SMS a grid worker or a volunteer "receives" is read here. What they show is
 * masked by the stack (numbers, codes; executions by ids only). Where the console is not served by the
 * local stack (config().localTools unset) they do not exist.
 */
const ANYONE: Role[] = ['admin', 'grid-worker', 'department', 'volunteer'];

function NoTools() {
  return (
    <Shell title="本机工具不可用">
      <p>这些工具只在本机运行的演示环境中提供。</p>
    </Shell>
  );
}

/** `/tools` is the outbox: the address is put right in place (no render in between, nothing to wait for). */
function toOutbox(): void {
  if (location.pathname !== '/tools/outbox') history.replaceState(null, '', `/tools/outbox${location.search}`);
}

const onlyLocal =
  (view: Screen['view']): Screen['view'] =>
  (props) =>
    config().localTools ? view(props) : <NoTools />;

export const toolsScreens: Screen[] = [
  { path: '/tools', roles: ANYONE, view: onlyLocal(({ who }) => (toOutbox(), <Outbox who={who} />)) },
  { path: '/tools/outbox', roles: ANYONE, view: onlyLocal(({ who }) => <Outbox who={who} />) },
  { path: '/tools/clock', roles: ANYONE, view: onlyLocal(({ who }) => <Clock who={who} />) },
  { path: '/tools/executions', roles: ANYONE, view: onlyLocal(({ who }) => <Executions who={who} />) },
  { path: '/tools/executions/:arn', roles: ANYONE, view: onlyLocal(({ params, who }) => <ExecutionPage arn={params.arn!} who={who} />) },
];
