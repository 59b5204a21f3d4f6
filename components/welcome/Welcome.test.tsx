import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { Translate } from '@/lib/i18n';
import { useRoot } from '@/tests/unit/render';
import { userClick } from '@/tests/unit/user-input';
import { Welcome, type WelcomeProps } from './Welcome';

const t: Translate = (key, ...subs) => (subs.length ? `${key}(${subs.join('|')})` : key);

let root: HTMLElement;
useRoot((created) => (root = created));

async function show(props: Partial<WelcomeProps> = {}) {
  await act(() => render(<Welcome t={t} browserKind="chrome" shortcut="Alt+Shift+H" openOptions={() => undefined} {...props} />, root));
}

describe('Welcome', () => {
  it('shows three steps, each with a titled screenshot, and the shortcut in the chat-mode step', async () => {
    await show();
    expect(root.querySelector('h1')?.textContent).toBe('welcomeHeading');
    const steps = [...root.querySelectorAll('ol.steps > li')];
    expect(steps.map((li) => li.querySelector('h3')?.textContent)).toEqual(['welcomeStep1Title', 'welcomeStep2Title', 'welcomeStep3Title']);
    expect(steps.map((li) => li.querySelector('img')?.getAttribute('alt'))).toEqual([
      'welcomeStep1Image',
      'welcomeStep2Image',
      'welcomeStep3Image',
    ]);
    expect(steps.map((li) => li.querySelector('img')?.getAttribute('src'))).toEqual([
      '/welcome/step-1-chat-page.webp',
      '/welcome/step-2-chat-mode.webp',
      '/welcome/step-3-answer.webp',
    ]);
    expect(steps[1]!.querySelector('kbd')?.textContent).toBe('Alt+Shift+H');
    expect(root.querySelectorAll('kbd')).toHaveLength(1);
  });

  it('leaves the shortcut out when none is set', async () => {
    await show({ shortcut: '' });
    expect(root.querySelector('kbd')).toBeNull();
  });

  it('explains pinning for the browser it runs in, and what is stored where', async () => {
    await show({ browserKind: 'firefox' });
    const sections = [...root.querySelectorAll('section')].map((s) => ({
      heading: root.querySelector(`#${s.getAttribute('aria-labelledby')}`)?.textContent,
      text: s.textContent,
    }));
    expect(sections.find((s) => s.heading === 'welcomePinHeading')?.text).toContain('welcomePinFirefox');
    expect(sections.find((s) => s.heading === 'welcomeStorageHeading')?.text).toContain('welcomeStorageText');
    await show({ browserKind: 'chrome' });
    expect(root.textContent).toContain('welcomePinChrome');
    expect(root.textContent).not.toContain('welcomePinFirefox');
  });

  it('opens the settings from a button', async () => {
    let opened = 0;
    await show({ openOptions: () => opened++ });
    userClick([...root.querySelectorAll('button')].find((b) => b.textContent === 'popupSettings')!);
    expect(opened).toBe(1);
  });
});
