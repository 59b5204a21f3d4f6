// Someone else's text (a display name, a tweet, a chat title) inside a line of ours: in its own bidi
// isolate, its direction taken from its own first strong character, so neither an RTL name nor an
// RLO hidden in one reorders what follows. Rendered as text, never as HTML.
import { balanceBidi } from '@/lib/bidi';

export function Isolated({ text, class: className }: { text: string; class?: string }) {
  return <bdi class={className}>{balanceBidi(text)}</bdi>;
}
