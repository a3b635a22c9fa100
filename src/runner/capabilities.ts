// Principle 5 (DESIGN.md §1): a task the backend cannot serve is refused before the first request,
// with every problem listed at once.
import { HarnessError, type Backend, type Capabilities } from '../core/index.ts';
import type { PreparedTask } from '../task/index.ts';

const WHY: Record<keyof Capabilities, string> = {
  loglikelihood: 'needs prompt log-probabilities (log-likelihood scoring)',
  generate: 'needs text generation',
  chat: 'needs chat messages (a chat template or a chat endpoint)',
  images: 'needs image inputs',
  thinking: 'needs a thinking mode',
};

export function checkCapabilities(tasks: PreparedTask[], backend: Backend): void {
  const problems: string[] = [];
  for (const task of tasks) {
    const needed = new Set<keyof Capabilities>(task.spec.requires);
    for (const item of task.items) {
      needed.add(item.request.kind);
      if (item.request.kind === 'generate' && item.request.prompt.kind === 'chat') needed.add('chat');
    }
    for (const capability of needed) {
      if (backend.capabilities[capability]) continue;
      // A backend that found out why at open (the HTTP backend's probe) says so in `<capability>Unavailable`.
      const reason = backend.info.details?.[`${capability}Unavailable`];
      const because = typeof reason === 'string' && reason !== '' ? `: ${reason}` : '';
      problems.push(`${task.spec.id} ${WHY[capability]}, which ${backend.info.kind}:${backend.info.location} does not offer${because}`);
    }
  }
  if (problems.length > 0) throw new HarnessError('CAPABILITY', `cannot run these tasks on this model:\n  ${problems.join('\n  ')}`);
}
