import { afterEach, describe, expect, it, vi } from 'vitest';
import { placeSidebar, sidebarSlot, watchLayout } from './layout';

function box(testid: string | null, rect: { left: number; top: number; width: number; height: number }, tag = 'div'): HTMLElement {
  const el = document.createElement(tag);
  if (testid) el.dataset.testid = testid;
  vi.spyOn(el, 'getBoundingClientRect').mockReturnValue({
    ...rect,
    right: rect.left + rect.width,
    bottom: rect.top + rect.height,
    x: rect.left,
    y: rect.top,
    toJSON: () => ({}),
  });
  return el;
}

afterEach(() => document.body.replaceChildren());

describe('sidebarSlot', () => {
  it('uses the free space right of x.com’s columns when there is room', () => {
    window.innerWidth = 1800;
    document.body.append(
      box('primaryColumn', { left: 400, top: 0, width: 600, height: 900 }),
      box('sidebarColumn', { left: 1030, top: 0, width: 350, height: 900 }),
    );
    expect(sidebarSlot(document, 300)).toEqual({ top: 12, left: 1392, width: 375 });
  });

  it('otherwise sits in the right column below x.com’s search box', () => {
    window.innerWidth = 1280;
    const column = box('sidebarColumn', { left: 930, top: 0, width: 350, height: 900 });
    column.append(box(null, { left: 930, top: 4, width: 350, height: 50 }, 'form'));
    column.querySelector('form')!.setAttribute('role', 'search');
    document.body.append(box('primaryColumn', { left: 300, top: 0, width: 600, height: 900 }), column);
    expect(sidebarSlot(document, 300)).toEqual({ top: 66, left: 930, width: 350 });
  });

  it('has no slot when x.com shows no right column and there is no room', () => {
    window.innerWidth = 800;
    document.body.append(box('primaryColumn', { left: 100, top: 0, width: 600, height: 900 }));
    expect(sidebarSlot(document, 300)).toBeNull();
  });
});

describe('placeSidebar', () => {
  it('places the sidebar by its right edge, and steps aside while an x.com dialog covers its place', () => {
    window.innerWidth = 1280;
    document.body.append(
      box('primaryColumn', { left: 300, top: 0, width: 600, height: 900 }),
      box('sidebarColumn', { left: 930, top: 0, width: 350, height: 900 }),
    );
    expect(placeSidebar(document, 300)).toEqual({ top: 12, right: 0, width: 350, hidden: false });
    const dialog = box(null, { left: 340, top: 40, width: 600, height: 300 });
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    document.body.append(dialog);
    expect(placeSidebar(document, 300)).toMatchObject({ hidden: true });
  });
});

describe('watchLayout', () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

  it('sees dialogs open in a #layers created after it started, and nothing once its signal aborts', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    let changes = 0;
    const watching = new AbortController();
    watchLayout(document, () => changes++, watching.signal);
    await frame();
    changes = 0;
    const layers = document.createElement('div');
    layers.id = 'layers';
    root.append(layers); // x.com creates #layers late, deep in its root
    await vi.waitFor(() => expect(changes).toBe(1));
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    layers.append(dialog);
    await vi.waitFor(() => expect(changes).toBe(2));
    watching.abort();
    dialog.remove();
    window.dispatchEvent(new Event('resize'));
    await frame();
    await frame();
    expect(changes).toBe(2);
  });
});
