// Rendering helpers for the Preact component tests.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';

/** Lets pending promise callbacks (a fake client's answers) and the renders they cause run. */
export const flush = () =>
  act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });

/**
 * Gives each test of the calling file a fresh element in the document to render into; after the
 * test it unmounts what was rendered and removes the element.
 */
export function useRoot(created: (root: HTMLElement) => void): void {
  let root: HTMLElement | undefined;
  beforeEach(() => {
    root = document.body.appendChild(document.createElement('div'));
    created(root);
  });
  afterEach(() => {
    if (!root) return;
    render(null, root);
    root.remove();
  });
}
