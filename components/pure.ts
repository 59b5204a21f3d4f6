// preact/compat's `memo` without compat: a part drawn again only when one of its props changed.
import { Component, h, type ComponentType, type FunctionComponent } from 'preact';

/** `part`, drawn again only when a prop is not the same value (by identity) as in its last render. */
export function pure<P extends object>(part: FunctionComponent<P>): ComponentType<P> {
  return class Pure extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      const keys = new Set([...Object.keys(this.props), ...Object.keys(next)]);
      return [...keys].some((key) => (this.props as Record<string, unknown>)[key] !== (next as Record<string, unknown>)[key]);
    }

    override render() {
      // A child, not a call: the part's hooks (useId) belong to a function component of their own.
      return h(part, this.props);
    }
  };
}
