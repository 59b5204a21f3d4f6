// preact/compat's `memo` without compat: a part drawn again only when one of its props changed.
import { Component, h, type ComponentType, type FunctionComponent } from 'preact';

/** `part`, drawn again only when a prop is not the same value (by identity) as in its last render. */
export function pure<P extends object>(part: FunctionComponent<P>): ComponentType<P> {
  return class Pure extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      // Asked for every row of a list on every draw: a loop over the props, no arrays made.
      const last = this.props as Record<string, unknown>;
      for (const key in next) if (last[key] !== next[key]) return true;
      for (const key in last) if (!(key in next)) return true;
      return false;
    }

    override render() {
      // A child, not a call: the part's hooks (useId) belong to a function component of their own.
      return h(part, this.props);
    }
  };
}
