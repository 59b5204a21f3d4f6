import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Translate } from '@/lib/i18n';
import { userClick } from '@/tests/unit/user-input';
import { ChatModeSwitch } from './ChatModeSwitch';

const t: Translate = (key, ...subs) => (key === 'chatModeSwitch' ? 'Chat mode' : subs.length ? `${key}(${subs.join('|')})` : key);

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

function mount(props: { on: boolean; disabled?: boolean }) {
  const onChange = vi.fn();
  container = document.createElement('div');
  document.body.append(container);
  // With a synchronous callback, act has rendered when it returns; its promise adds nothing.
  void act(() => render(<ChatModeSwitch {...props} onChange={onChange} t={t} />, container));
  const button = container.querySelector<HTMLButtonElement>('button')!;
  return { onChange, button };
}

describe('ChatModeSwitch', () => {
  it('is a switch named "Chat mode" that says whether it is on', () => {
    const { button } = mount({ on: false });
    expect(button.getAttribute('role')).toBe('switch');
    expect(button.getAttribute('type')).toBe('button');
    expect(button.getAttribute('aria-checked')).toBe('false');
    expect(button.textContent).toContain('Chat mode');
    render(<ChatModeSwitch on onChange={() => {}} t={t} />, container);
    expect(container.querySelector('button')!.getAttribute('aria-checked')).toBe('true');
  });

  it('is described by the line saying what it does', () => {
    const { button } = mount({ on: false });
    const id = button.getAttribute('aria-describedby');
    expect(id).toBeTruthy();
    expect(container.querySelector(`[id="${id}"]`)?.textContent).toBe('chatModeSwitchDescription');
  });

  it('emits the state asked for on the user’s click (Enter and Space click a button natively)', () => {
    const off = mount({ on: false });
    void act(() => userClick(off.button));
    expect(off.onChange).toHaveBeenCalledWith(true);
    render(null, container);
    container.remove();
    const on = mount({ on: true });
    void act(() => userClick(on.button));
    expect(on.onChange).toHaveBeenCalledWith(false);
  });

  it('ignores clicks a script makes (untrusted events)', () => {
    const { button, onChange } = mount({ on: false });
    void act(() => button.click());
    void act(() => void button.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    expect(onChange).not.toHaveBeenCalled();
  });

  it('does nothing while disabled', () => {
    const { button, onChange } = mount({ on: false, disabled: true });
    expect(button.disabled).toBe(true);
    void act(() => userClick(button));
    expect(onChange).not.toHaveBeenCalled();
  });
});
